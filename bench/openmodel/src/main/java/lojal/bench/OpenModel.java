package lojal.bench;

import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.core.impl.LocalBenchmarkData;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import io.hyperfoil.core.parser.BenchmarkParser;
import io.hyperfoil.http.statistics.HttpStats;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Open model: users arrive at a fixed rate (Hyperfoil's {@code constantRate}, evenly spaced), each makes exactly one
 * request and leaves, so a slow answer never delays the next arrival (no coordinated omission). The calls mirror
 * bench/throughput.d/*.lua: earn (random member, 3-line order, own Idempotency-Key and orderId), redeem (100 points),
 * me (GET /v1/me with a random pre-minted member token) and hot (earn on one member).
 *
 * <p>Usage: {@code OpenModel <earn|redeem|me|hot> <rate> <seconds>}; settings from the environment (bench/openmodel/run
 * lists them). Prints one RESULT line.
 */
public final class OpenModel {

    private OpenModel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: OpenModel <earn|redeem|me|hot> <rate> <seconds>");
        }
        String scenario = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(env("LOJAL_WARMUP", "10"));
        long timeoutMs = Long.parseLong(env("LOJAL_TIMEOUT_MS", "10000"));
        Path files = Files.createTempDirectory("lojal-openmodel");
        String call = call(scenario, timeoutMs, files);
        // Sessions are allocated up front, about 12 KB each: enough for every arrival until the first could time out,
        // so that overload is offered in full (at most 30,000; beyond, the RESULT line says arrivals were held back).
        int sessions = (int) Math.min(30_000, Math.max(500, rate * (timeoutMs / 1000 + 1)));
        String yaml = """
                name: lojal-openmodel-%s
                threads: 1
                http:
                  host: %s
                  requestTimeout: %dms
                  # All opened before the run: a pool that grows opens its connections while requests wait for them,
                  # and under overload they waited seconds. A request is timed from when it starts, before it takes a
                  # connection, so a wait for one (all busy) is in its latency; it is also reported as blocked.
                  sharedConnections: %d
                # A 503 is an answer to count, not a failure to stop at: by default Hyperfoil ends the session on
                # a 4xx or 5xx and closes its connection, and under overload the reconnects made requests wait seconds.
                ergonomics:
                  autoRangeCheck: false
                  stopOnInvalid: false
                phases:
                - warmup:
                %s
                - measured:
                %s
                """.formatted(scenario, env("LOJAL_BASE_URL", "http://127.0.0.1:18100"), timeoutMs,
                Integer.parseInt(env("LOJAL_CONNECTIONS", "1000")),
                phase("", rate, warmup, sessions, call), phase("startAfter: warmup", rate, seconds, sessions, call));
        Benchmark benchmark = BenchmarkParser.instance().buildBenchmark(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                new LocalBenchmarkData(files.resolve("openmodel.hf.yaml")), Map.of());
        // the parser has read the data files into the benchmark
        try (var written = Files.list(files)) {
            for (Path file : written.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(files);

        StatisticsSnapshot measured = new StatisticsSnapshot();
        AtomicInteger sessionsUsed = new AtomicInteger();
        new LocalSimulationRunner(benchmark, (phase, stepId, metric, snapshot, countDown) -> {
            if (phase.name().equals("measured")) {
                synchronized (measured) {
                    measured.add(snapshot);
                    if (System.getenv("LOJAL_TIMELINE") != null) {
                        // about once a second: where in the run the tail lies (steady, or bursts)
                        System.err.printf(Locale.ROOT, "TL %d n=%d p50=%.1f p99=%.1f max=%.1f%n",
                                System.currentTimeMillis() % 100000, snapshot.histogram.getTotalCount(),
                                snapshot.histogram.getValueAtPercentile(50) / 1e6,
                                snapshot.histogram.getValueAtPercentile(99) / 1e6, snapshot.histogram.getMaxValue() / 1e6);
                    }
                }
            }
        }, (phase, min, max) -> sessionsUsed.accumulateAndGet(max, Math::max), null).run();
        System.out.println(result(measured, seconds, sessionsUsed.get(), sessions));
    }

    /** One phase of arrivals at {@code rate} per second, evenly spaced (variance off, as wrk2 spaces them). */
    private static String phase(String after, int rate, int seconds, int sessions, String call) {
        return """
                  constantRate:
                    %s
                    usersPerSec: %d
                    variance: false
                    duration: %ds
                    maxSessions: %d
                    scenario:
                    - call:
                """.formatted(after, rate, seconds, sessions).concat(call.indent(6)).indent(2);
    }

    /** The steps of one call; data files it reads are written to {@code files}. */
    private static String call(String scenario, long timeoutMs, Path files) throws Exception {
        String token = env("LOJAL_TOKEN", "");
        int members = Integer.parseInt(env("LOJAL_MEMBERS", "100000"));
        return switch (scenario) {
            case "earn", "hot" -> {
                writeOrderLines(files.resolve("orders.csv"));
                String member = scenario.equals("hot") ? env("LOJAL_HOT_MEMBER", "mem_1") : "mem_${member}";
                yield """
                        - randomInt: { toVar: member, min: 1, max: %d }
                        - randomUUID: { toVar: key }
                        - randomCsvRow:
                            file: orders.csv
                            columns: { 0: a, 1: b, 2: c, 3: amount }
                        - httpRequest:
                            POST: /v1/earn
                            timeout: %dms
                            headers:
                              authorization: Bearer %s
                              content-type: application/json
                              idempotency-key: { pattern: "${key}" }
                            body:
                              pattern: '{"memberId":"%s","orderId":"o-${key}","amount":${amount},"currency":"EUR","channel":"WEB","lines":[{"sku":"a","category":"shoes","quantity":1,"unitPrice":${a}},{"sku":"b","category":"electronics","quantity":1,"unitPrice":${b}},{"sku":"c","category":"books","quantity":1,"unitPrice":${c}}]}'
                        """.formatted(members, timeoutMs, token, member);
            }
            case "redeem" -> """
                    - randomInt: { toVar: member, min: 1, max: %d }
                    - randomUUID: { toVar: key }
                    - httpRequest:
                        POST: /v1/redemptions
                        timeout: %dms
                        headers:
                          authorization: Bearer %s
                          content-type: application/json
                          idempotency-key: { pattern: "r${key}" }
                        body:
                          pattern: '{"memberId":"mem_${member}","points":100}'
                    """.formatted(members, timeoutMs, token);
            case "me" -> {
                Path tokens = Path.of(env("LOJAL_MEMBER_TOKENS", "target/throughput/member-tokens.txt"));
                Files.copy(tokens, files.resolve("tokens.txt"));
                yield """
                        - randomItem: { file: tokens.txt, toVar: token }
                        - httpRequest:
                            GET: /v1/me
                            timeout: %dms
                            headers:
                              authorization: { pattern: "Bearer ${token}" }
                        """.formatted(timeoutMs);
            }
            default -> throw new IllegalArgumentException("scenario must be earn, redeem, me or hot: " + scenario);
        };
    }

    /** 3-line orders as in bench/throughput.d/earn.lua: three unit prices of 500–20000 and their sum, one a row. */
    private static void writeOrderLines(Path file) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            int a = random.nextInt(500, 20_001), b = random.nextInt(500, 20_001), c = random.nextInt(500, 20_001);
            rows.append(a).append(',').append(b).append(',').append(c).append(',').append(a + b + c).append('\n');
        }
        Files.writeString(file, rows);
    }

    /**
     * The measured phase's figures. Latencies are of every request that got an answer, from when it started (before
     * it took a connection) to its answer, µs resolution; errors are all non-2xx answers, timeouts and connection
     * errors.
     */
    private static String result(StatisticsSnapshot s, int seconds, int sessionsUsed, int sessions) {
        Histogram h = s.histogram;
        HttpStats http = HttpStats.get(s);
        double span = Math.max(1, h.getEndTimeStamp() - h.getStartTimeStamp()) / 1000.0;
        int non2xx = http.status_3xx + http.status_4xx + http.status_5xx + http.status_other;
        return String.format(Locale.ROOT, "RESULT rps=%.1f p50=%s p99=%s p999=%s errors=%d s4xx=%d s5xx=%d requests=%d"
                        + " timeouts=%d io=%d ok_rps=%.1f sent_rps=%.1f blocked_ms=%d sessions=%d/%d max=%s",
                s.responseCount / span, ms(h, 50), ms(h, 99), ms(h, 99.9),
                non2xx + s.requestTimeouts + s.connectionErrors + s.internalErrors, http.status_4xx, http.status_5xx,
                s.requestCount, s.requestTimeouts, s.connectionErrors, http.status_2xx / span,
                (double) s.requestCount / seconds, s.blockedTime / 1_000_000, sessionsUsed, sessions, ms(h, 100));
    }

    private static String ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "null"
                : String.format(Locale.ROOT, "%.2f", histogram.getValueAtPercentile(percentile) / 1e6);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
