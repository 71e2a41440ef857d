package io.lojal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedReadsTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    /** The keys of each read, in the order the reads started. */
    private final List<List<String>> reads = Collections.synchronizedList(new ArrayList<>());

    /** Held shut, it keeps every read waiting before it returns. */
    private final CountDownLatch gate = new CountDownLatch(1);

    /** A permit for every read that started. */
    private final Semaphore started = new Semaphore(0);

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();

    @AfterEach
    void stop() {
        gate.countDown();
        executor.shutdownNow();
    }

    /** A reader that finds every key but "ghost" and "bad" (it fails on "bad"), its value the key in capitals. */
    private Map<String, String> read(List<String> keys) {
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        reads.add(keys);
        // Counted as running before it says it started: the test may open the gate as soon as it knows.
        started.release();
        try {
            gate.await(10, TimeUnit.SECONDS);
            if (keys.contains("bad")) {
                throw new IllegalStateException("the database is gone");
            }
            return keys.stream().filter(key -> !key.equals("ghost"))
                    .collect(Collectors.toMap(Function.identity(), String::toUpperCase));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            running.decrementAndGet();
        }
    }

    private SharedReads<String, String> reads(int atOnce, int most) {
        return new SharedReads<>(this::read, executor, atOnce, most);
    }

    private static <T> T value(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Waits until the reader has been called {@code count} times, and checks that no more reads started. */
    private void awaitReads(int count) throws InterruptedException {
        assertTrue(started.tryAcquire(count, 10, TimeUnit.SECONDS), "reads started: " + reads);
        assertEquals(count, reads.size(), "reads started: " + reads);
    }

    @Test
    void aKeyAskedForAloneIsReadAlone() throws Exception {
        gate.countDown();
        assertEquals(Optional.of("ANNA"), value(reads(1, 10).read("anna")));
        assertEquals(List.of(List.of("anna")), reads);
    }

    @Test
    void keysAskedForWhileAReadRunsAreReadTogetherByTheNextOne() throws Exception {
        SharedReads<String, String> shared = reads(1, 10);
        CompletableFuture<Optional<String>> first = shared.read("anna").toCompletableFuture();
        awaitReads(1);
        List<CompletableFuture<Optional<String>>> waiting = new ArrayList<>();
        for (String key : List.of("bert", "carl", "bert")) {
            waiting.add(shared.read(key).toCompletableFuture());
        }
        gate.countDown();

        assertEquals(Optional.of("ANNA"), value(first));
        assertEquals(Optional.of("BERT"), value(waiting.get(0)));
        assertEquals(Optional.of("CARL"), value(waiting.get(1)));
        assertEquals(Optional.of("BERT"), value(waiting.get(2)));
        // The keys asked for after the first read started are not served by it, and a key asked twice is read once.
        assertEquals(List.of(List.of("anna"), List.of("bert", "carl")), reads);
    }

    @Test
    void noMoreReadsRunThanAllowedAndNoneReadsMoreKeysThanAllowed() throws Exception {
        SharedReads<String, String> shared = reads(2, 3);
        List<CompletableFuture<Optional<String>>> asked = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            asked.add(shared.read("key" + i).toCompletableFuture());
        }
        awaitReads(2);
        gate.countDown();
        for (int i = 0; i < 12; i++) {
            assertEquals(Optional.of("KEY" + i), value(asked.get(i)));
        }
        assertEquals(2, mostRunning.get());
        assertTrue(reads.stream().allMatch(keys -> keys.size() <= 3), "reads: " + reads);
        assertEquals(12, reads.stream().mapToInt(List::size).sum());
    }

    @Test
    void aKeyTheReaderDoesNotFindHasNoValue() throws Exception {
        gate.countDown();
        assertEquals(Optional.empty(), value(reads(1, 10).read("ghost")));
    }

    @Test
    void aReadTheExecutorRefusesLeavesRoomForTheNext() throws Exception {
        gate.countDown();
        AtomicInteger refusals = new AtomicInteger(1);
        SharedReads<String, String> shared = new SharedReads<>(this::read, task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("queue full");
            }
            executor.execute(task);
        }, 1, 10);
        assertThrows(RejectedExecutionException.class, () -> shared.read("anna"));
        assertEquals(Optional.of("BERT"), value(shared.read("bert")));
    }

    @Test
    void aFailedReadFailsItsOwnCallersOnly() throws Exception {
        SharedReads<String, String> shared = reads(1, 10);
        CompletableFuture<Optional<String>> first = shared.read("anna").toCompletableFuture();
        awaitReads(1);
        CompletableFuture<Optional<String>> bad = shared.read("bad").toCompletableFuture();
        CompletableFuture<Optional<String>> withBad = shared.read("bert").toCompletableFuture();
        gate.countDown();

        assertEquals(Optional.of("ANNA"), value(first));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> value(withBad));
        assertEquals("the database is gone", failed.getCause().getMessage());
        assertThrows(ExecutionException.class, () -> value(bad));
        assertEquals(Optional.of("CARL"), value(shared.read("carl")));
    }
}
