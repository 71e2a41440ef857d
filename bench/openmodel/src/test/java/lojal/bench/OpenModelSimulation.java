package lojal.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open model: virtual users arrive at a fixed rate ({@code constantUsersPerSec}), each makes exactly one request and
 * leaves, so a slow answer never delays the next arrival (no coordinated omission). The calls mirror
 * bench/throughput.d/*.lua: earn (random member, 3-line order, own Idempotency-Key and orderId), redeem (100 points),
 * me (GET /v1/me with a random pre-minted member token) and hot (earn on mem_1).
 *
 * <p>Settings, each a system property or else an environment variable: lojal.baseUrl / LOJAL_BASE_URL,
 * lojal.scenario / LOJAL_SCENARIO, lojal.rate / LOJAL_RATE (req/s), lojal.duration / LOJAL_DURATION (s, measured),
 * lojal.warmup / LOJAL_WARMUP (s at the same rate before, not measured; 10),
 * lojal.members / LOJAL_MEMBERS, lojal.token / LOJAL_TOKEN (merchant), lojal.memberTokens / LOJAL_MEMBER_TOKENS
 * (file, one token a line), lojal.hotMember / LOJAL_HOT_MEMBER, lojal.timeoutMs / LOJAL_TIMEOUT_MS and
 * lojal.outcomes / LOJAL_OUTCOMES (where the run's figures are written as JSON at the end: counts by outcome,
 * latency percentiles in ms, rates).
 */
public class OpenModelSimulation extends Simulation {

  private static String conf(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) value = System.getenv(env);
    if (value == null || value.isBlank()) value = fallback;
    if (value == null) throw new IllegalArgumentException("set -D" + property + " or " + env);
    return value;
  }

  private final String baseUrl = conf("lojal.baseUrl", "LOJAL_BASE_URL", "http://127.0.0.1:18100");
  private final String scenarioName = conf("lojal.scenario", "LOJAL_SCENARIO", "earn");
  private final double rate = Double.parseDouble(conf("lojal.rate", "LOJAL_RATE", "100"));
  private final long duration = Long.parseLong(conf("lojal.duration", "LOJAL_DURATION", "15"));
  // Arrivals at the same rate before the measured ones, not counted: both JVMs (this tool's and the service's) compile
  // the code they now run and open their connections, which would otherwise stand in the service's latency tail.
  private final long warmup = Long.parseLong(conf("lojal.warmup", "LOJAL_WARMUP", "10"));
  private final int members = Integer.parseInt(conf("lojal.members", "LOJAL_MEMBERS", "100000"));
  private final long timeoutMs = Long.parseLong(conf("lojal.timeoutMs", "LOJAL_TIMEOUT_MS", "10000"));
  private final Path outcomesFile = Path.of(conf("lojal.outcomes", "LOJAL_OUTCOMES", "target/outcomes.json"));

  // Counts by outcome: 2xx, each other status, timeouts (no answer within the request timeout) and other I/O errors
  // (connection refused or reset, closed before an answer).
  private final LongAdder ok = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder ioErrors = new LongAdder();
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  // Latency in microseconds from just before the request is sent to just after its answer (or its failure), of every
  // request, and of the shed ones (429, 503) alone. Up to an hour, 3 significant digits.
  private final Histogram all = new ConcurrentHistogram(3_600_000_000L, 3);
  private final Histogram shed = new ConcurrentHistogram(3_600_000_000L, 3);
  private final LongAccumulator runStart = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final AtomicLong sent = new AtomicLong();
  private final LongAccumulator firstStart = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final LongAccumulator lastStart = new LongAccumulator(Math::max, Long.MIN_VALUE);
  private final LongAccumulator lastEnd = new LongAccumulator(Math::max, Long.MIN_VALUE);

  // Unique per run, so Idempotency-Keys and orderIds never meet those of an earlier run on the same database.
  private final String runId = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong counter = new AtomicLong();

  private static final List<Integer> SUCCESS = IntStream.range(200, 300).boxed().toList();

  private Session begin(Session session) {
    String key = runId + "-" + counter.incrementAndGet();
    long now = System.nanoTime();
    runStart.accumulate(now);
    boolean measured = now - runStart.get() >= warmup * 1_000_000_000L;
    if (measured) {
      sent.incrementAndGet();
      firstStart.accumulate(now);
      lastStart.accumulate(now);
    }
    return session.set("key", key).set("t0", now).set("measured", measured);
  }

  private Session record(Session session) {
    if (!session.getBoolean("measured")) return session;
    long now = System.nanoTime();
    lastEnd.accumulate(now);
    long micros = Math.max(0, (now - session.getLong("t0")) / 1000);
    all.recordValue(micros);
    if (session.contains("status")) {
      int status = session.getInt("status");
      if (status >= 200 && status < 300) ok.increment();
      else statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
      if (status == 429 || status == 503) shed.recordValue(micros);
    } else {
      (micros >= (timeoutMs - 50) * 1000 ? timeouts : ioErrors).increment();
    }
    return session;
  }

  private String member() {
    String hot = System.getProperty("lojal.hotMember", System.getenv("LOJAL_HOT_MEMBER"));
    if ("hot".equals(scenarioName)) return hot == null || hot.isBlank() ? "mem_1" : hot;
    return "mem_" + ThreadLocalRandom.current().nextInt(1, members + 1);
  }

  private String earnBody(Session session) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int a = random.nextInt(500, 20001), b = random.nextInt(500, 20001), c = random.nextInt(500, 20001);
    return "{\"memberId\":\"" + member() + "\",\"orderId\":\"o-" + session.getString("key") + "\",\"amount\":"
        + (a + b + c) + ",\"currency\":\"EUR\",\"channel\":\"WEB\",\"lines\":["
        + "{\"sku\":\"a\",\"category\":\"shoes\",\"quantity\":1,\"unitPrice\":" + a + "},"
        + "{\"sku\":\"b\",\"category\":\"electronics\",\"quantity\":1,\"unitPrice\":" + b + "},"
        + "{\"sku\":\"c\",\"category\":\"books\",\"quantity\":1,\"unitPrice\":" + c + "}]}";
  }

  private HttpRequestActionBuilder request() {
    switch (scenarioName) {
      case "earn", "hot" -> {
        String token = conf("lojal.token", "LOJAL_TOKEN", null);
        return http(scenarioName).post("/v1/earn")
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", "#{key}")
            .body(StringBody(this::earnBody)).asJson();
      }
      case "redeem" -> {
        String token = conf("lojal.token", "LOJAL_TOKEN", null);
        return http("redeem").post("/v1/redemptions")
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", "r#{key}")
            .body(StringBody(session -> "{\"memberId\":\"mem_"
                + ThreadLocalRandom.current().nextInt(1, members + 1) + "\",\"points\":100}")).asJson();
      }
      case "me" -> {
        List<String> tokens;
        try {
          tokens = Files.readAllLines(Path.of(conf("lojal.memberTokens", "LOJAL_MEMBER_TOKENS", null))).stream()
              .map(String::strip).filter(line -> !line.isEmpty()).map(line -> "Bearer " + line).toList();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (tokens.isEmpty()) throw new IllegalArgumentException("no member tokens");
        return http("me").get("/v1/me")
            .header("Authorization", session -> tokens.get(ThreadLocalRandom.current().nextInt(tokens.size())));
      }
      default -> throw new IllegalArgumentException("scenario must be earn, redeem, me or hot: " + scenarioName);
    }
  }

  private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
      .shareConnections()           // one pool for all users, like a real client; grows when all are busy
      .disableCaching()
      .acceptHeader("application/json")
      .userAgentHeader("lojal-openmodel");

  // One request per virtual user: status saved (also for non-2xx), then only 2xx counts as OK in Gatling's stats.
  private final ChainBuilder call = exec(this::begin)
      .exec(request().requestTimeout(Duration.ofMillis(timeoutMs))
          .check(status().saveAs("status"), status().in(SUCCESS)))
      .exec(this::record);

  private final ScenarioBuilder scenario = scenario(scenarioName).exec(call);

  {
    setUp(scenario.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(warmup + duration))))
        .protocols(protocol)
        // bounded in any case: the last arrivals get their whole timeout, then the run ends
        .maxDuration(Duration.ofMillis((warmup + duration) * 1000 + timeoutMs + 5000));
  }

  private static String ms(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? "null"
        : String.format(Locale.ROOT, "%.2f", histogram.getValueAtPercentile(percentile) / 1000.0);
  }

  /** Writes the run's figures as one JSON object (read by bench/openmodel/run). */
  @Override
  public void after() {
    long requests = all.getTotalCount();
    double sendSeconds = (lastStart.get() - firstStart.get()) / 1e9;
    double seconds = (lastEnd.get() - firstStart.get()) / 1e9;
    Map<Integer, Long> byStatus = new TreeMap<>();
    statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
    StringBuilder json = new StringBuilder("{\"scenario\":\"").append(scenarioName).append('"')
        .append(",\"rate\":").append(rate).append(",\"duration\":").append(duration)
        .append(",\"sent\":").append(sent.get()).append(",\"requests\":").append(requests)
        .append(",\"ok\":").append(ok.sum()).append(",\"timeouts\":").append(timeouts.sum())
        .append(",\"ioErrors\":").append(ioErrors.sum()).append(",\"statuses\":{");
    String separator = "";
    for (Map.Entry<Integer, Long> entry : byStatus.entrySet()) {
      json.append(separator).append('"').append(entry.getKey()).append("\":").append(entry.getValue());
      separator = ",";
    }
    json.append("},\"sentPerSecond\":").append(rate(sent.get() - 1, sendSeconds))
        .append(",\"perSecond\":").append(rate(requests, seconds))
        .append(",\"okPerSecond\":").append(rate(ok.sum(), seconds))
        .append(",\"p50\":").append(ms(all, 50)).append(",\"p99\":").append(ms(all, 99))
        .append(",\"p999\":").append(ms(all, 99.9)).append(",\"max\":").append(ms(all, 100))
        .append(",\"shedP99\":").append(ms(shed, 99)).append("}\n");
    try {
      if (outcomesFile.getParent() != null) Files.createDirectories(outcomesFile.getParent());
      Files.writeString(outcomesFile, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String rate(long count, double seconds) {
    return seconds > 0 ? String.format(Locale.ROOT, "%.1f", count / seconds) : "null";
  }
}
