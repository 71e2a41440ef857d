package io.lojal.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sheds load at the door: when more API calls are in progress than the database pool can work off quickly, a new one
 * is answered at once with 503 {@code overloaded} and {@code Retry-After}, on the event loop, before it takes a worker
 * thread or waits for a connection. Without it, traffic above capacity queues until every caller times out; with it,
 * callers beyond the limit learn within a millisecond to back off, and the calls let in keep their latency.
 * Health and metrics are never shed.
 * <p>
 * {@code GET /v1/me} is counted apart, with a limit of its own: it waits for a shared read ({@link SharedReads}),
 * holding neither a worker thread nor a connection, and one statement serves up to 256 waiting calls. The limit that
 * suits calls that each need a connection is only a few milliseconds of these reads: counted with them, reads at half
 * their maximum rate were shed at every short pause (bench/RESULTS.md, item 62).
 */
@ApplicationScoped
public class LoadShedding {

    static final String BODY = """
            {"type":"https://lojal.dev/problems/overloaded","title":"Overloaded","status":503,\
            "detail":"Too many calls are in progress; retry after a second."}""";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger sharedReadsInFlight = new AtomicInteger();

    void install(@Observes Router router, MeterRegistry registry,
                 @ConfigProperty(name = "lojal.http.max-in-flight") int limit,
                 @ConfigProperty(name = "lojal.me.max-in-flight") int sharedReadsLimit) {
        Counter shed = Counter.builder("lojal.http.shed").description("API calls answered 503 overloaded")
                .register(registry);
        router.route("/v1/*").order(Integer.MIN_VALUE).handler(context -> {
            if (sharedRead(context.request().method(), context.normalizedPath())) {
                admit(context, sharedReadsInFlight, sharedReadsLimit, shed);
            } else {
                admit(context, inFlight, limit, shed);
            }
        });
    }

    /** Whether the call waits for a shared read rather than for a connection of its own. */
    static boolean sharedRead(HttpMethod method, String path) {
        return HttpMethod.GET.equals(method) && "/v1/me".equals(path);
    }

    private static void admit(RoutingContext context, AtomicInteger inFlight, int limit, Counter shed) {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            shed.increment();
            context.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", "1").end(BODY);
            return;
        }
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }
}
