package io.lojal.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads by key that arrive while earlier ones are running are read together, in one statement. At most
 * {@code atOnce} reads run at a time, on the executor; each takes every key asked for before it started (up to
 * {@code most}). Under little load a read serves one call, as it would on its own; under load one serves many, and
 * the database pays its work per statement (a round trip and its wake-ups, bind, executor start-up) once for all.
 * A key is only ever served by a read that started after it was asked for, so its caller sees every write that had
 * committed before the call.
 */
public final class SharedReads<K, V> {

    /** Reads the values of the keys it finds; a key it leaves out has no value. */
    @FunctionalInterface
    public interface Reader<K, V> {
        Map<K, V> read(List<K> keys);
    }

    private record Asked<K, V>(K key, CompletableFuture<Optional<V>> value) {
    }

    private final Queue<Asked<K, V>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final Reader<K, V> reader;
    private final Executor executor;
    private final int atOnce;
    private final int most;

    public SharedReads(Reader<K, V> reader, Executor executor, int atOnce, int most) {
        if (atOnce < 1 || most < 1) {
            throw new IllegalArgumentException("atOnce and most must be at least 1");
        }
        this.reader = reader;
        this.executor = executor;
        this.atOnce = atOnce;
        this.most = most;
    }

    /** The key's value, or empty when the reader found none; fails as the read that served it failed. */
    public CompletionStage<Optional<V>> read(K key) {
        Asked<K, V> asked = new Asked<>(key, new CompletableFuture<>());
        waiting.add(asked);
        startIfRoom();
        return asked.value();
    }

    private void startIfRoom() {
        for (int now = running.get(); now < atOnce; now = running.get()) {
            if (running.compareAndSet(now, now + 1)) {
                try {
                    executor.execute(this::readWaiting);
                } catch (RejectedExecutionException e) {
                    // No read started (the executor is stopping, or its queue is full): the next call may start one.
                    running.decrementAndGet();
                    throw e;
                }
                return;
            }
        }
    }

    /**
     * Serves what is waiting until nothing is. A key asked for after the last look finds either this read gone (it
     * starts another) or this read still counted as running: then this read looks again after it stops counting.
     */
    private void readWaiting() {
        do {
            List<Asked<K, V>> batch = take();
            if (!batch.isEmpty()) {
                serve(batch);
            }
        } while (!waiting.isEmpty());
        running.decrementAndGet();
        if (!waiting.isEmpty()) {
            startIfRoom();
        }
    }

    private List<Asked<K, V>> take() {
        List<Asked<K, V>> batch = new ArrayList<>();
        Asked<K, V> asked;
        while (batch.size() < most && (asked = waiting.poll()) != null) {
            batch.add(asked);
        }
        return batch;
    }

    private void serve(List<Asked<K, V>> batch) {
        Map<K, V> found;
        try {
            found = reader.read(batch.stream().map(Asked::key).distinct().toList());
        } catch (RuntimeException e) {
            batch.forEach(asked -> asked.value().completeExceptionally(e));
            return;
        }
        batch.forEach(asked -> asked.value().complete(Optional.ofNullable(found.get(asked.key()))));
    }
}
