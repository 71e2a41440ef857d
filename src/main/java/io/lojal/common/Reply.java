package io.lojal.common;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The answer of an idempotent call: what is sent now and replayed on a retry. Once stored, its body is the JSON text
 * itself, sent as it is.
 */
public record Reply(int status, Object body, String location, boolean replayed) implements Answer {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public static Reply created(Object body, String location) {
        return new Reply(201, body, location, false);
    }

    public static Reply ok(Object body) {
        return new Reply(200, body, null, false);
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).entity(body).type("application/json");
        if (location != null) {
            response.location(URI.create(location));
        }
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
