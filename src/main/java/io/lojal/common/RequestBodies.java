package io.lojal.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads a request's body whole on the event loop before its resource method runs. Those methods block (JDBC) and run
 * on worker threads, where Quarkus REST otherwise reads the body through a blocking stream: the worker waits while the
 * event loop hands it the body, two more thread switches per request (bench/RESULTS.md). A read body comes to Quarkus
 * REST as a byte array.
 */
@ApplicationScoped
public class RequestBodies {

    private static final Logger LOG = Logger.getLogger(RequestBodies.class);

    void readWhole(@Observes Router router,
                   @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER)
                .method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .handler(context -> {
                    if (hasContent(context)) {
                        // Quarkus pauses every request until a handler wants its body.
                        context.request().resume();
                        bodies.handle(context);
                    } else {
                        // An empty or chunked body is left to Quarkus REST: the body handler leaves no body at all
                        // for an empty one, and Quarkus REST would then wait for a body the handler has consumed.
                        context.next();
                    }
                })
                .failureHandler(RequestBodies::clientGone);
    }

    /**
     * A client that closed its connection before its body came whole has gone: no one is left to answer, and nothing
     * went wrong here. Quarkus's error handler would log an error for each (a webshop's timeout, a load tool's end).
     */
    private static void clientGone(RoutingContext context) {
        if (context.failure() instanceof HttpClosedException) {
            LOG.debugf("Request not read, the client closed the connection: %s %s", context.request().method(),
                    context.request().path());
        } else {
            context.next();
        }
    }

    private static boolean hasContent(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
