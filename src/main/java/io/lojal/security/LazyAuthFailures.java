package io.lojal.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

/**
 * Spares every API call the work Quarkus does in advance for an authentication failure that cannot happen where that
 * work is for.
 * <p>
 * With Micrometer present, quarkus-rest looks up each call's URI template before the call reaches it, building a
 * matcher of every resource class: a quarter of what a balance read allocates (bench/RESULTS.md, item 62). It is for
 * an authentication that fails before the REST layer, so the failure's metrics still name the template. It runs when
 * the call's auth-failure handler is the default one, and replaces that handler with its own.
 * <p>
 * Here authentication is lazy ({@code quarkus.http.auth.proactive=false}) and no path-based permission runs before the
 * REST layer, so the identity is first needed inside a resource method. quarkus-rest removes its handler as it begins
 * a call, and our exception mappers answer 401 and 403. Removing the default handler of {@code /v1/} calls right after
 * authentication put it there skips the lookup, and the REST layer starts in the same state as before.
 */
public class LazyAuthFailures {

    void register(@Observes Filters filters) {
        // The authentication filter's priority: filters of equal priority run in the order they were registered, and
        // ours comes after the built-in ones, so it runs after authentication and before quarkus-rest's filter (one
        // lower).
        filters.register(LazyAuthFailures::dropDefaultHandler, SecurityHandlerPriorities.AUTHENTICATION);
    }

    static void dropDefaultHandler(RoutingContext context) {
        if (context.normalizedPath().startsWith("/v1/")
                && context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            context.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        }
        context.next();
    }
}
