package io.lojal.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 */
@ApplicationScoped
public class LoadShedding {

    static final String BODY = """
            {"type":"https://lojal.dev/problems/overloaded","title":"Overloaded","status":503,\
            "detail":"Too many calls are in progress; retry after a second."}""";

    private final AtomicInteger inFlight = new AtomicInteger();

    void install(@Observes Router router, MeterRegistry registry,
                 @ConfigProperty(name = "lojal.http.max-in-flight", defaultValue = "64") int limit) {
        Counter shed = Counter.builder("lojal.http.shed").description("API calls answered 503 overloaded").register(registry);
        router.route("/v1/*").order(Integer.MIN_VALUE).handler(context -> admit(context, limit, shed));
    }

    private void admit(RoutingContext context, int limit, Counter shed) {
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
