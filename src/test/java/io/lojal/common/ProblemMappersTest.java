package io.lojal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aBodyCutOffByTheClientClosingItsConnectionIsTheClientsFailure() {
        Response response = mappers.unreadable(new IOException(new IOException(new HttpClosedException("Connection was closed"))));
        assertEquals(400, response.getStatus());
        assertEquals("malformed-request", slug(response));
    }

    @Test
    void anyOtherIoFailureIsOurs() {
        Response response = mappers.unreadable(new IOException("disk full"));
        assertEquals(500, response.getStatus());
        assertEquals("internal-error", slug(response));
    }

    private static String slug(Response response) {
        String type = ((Problem) response.getEntity()).type();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
