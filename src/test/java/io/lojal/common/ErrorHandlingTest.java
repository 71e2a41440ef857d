package io.lojal.common;

import static io.lojal.support.Api.merchant;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.support.Api;
import io.lojal.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Bad input of every kind gets a clear problem+json answer, never a 500 or a stack trace. */
@QuarkusTest
class ErrorHandlingTest {

    @Test
    void malformedJsonIsAMalformedRequest() {
        assertProblem(merchant().body("{\"externalId\": ").post("/v1/members").then(), 400, "malformed-request");
        assertProblem(merchant().body("{\"externalId\": \"a\"} trailing").post("/v1/members").then(), 400, "malformed-request");
        assertProblem(merchant().header("Idempotency-Key", Api.key()).body("{\"orderId\": \"x\", \"amount\": 1,").post("/v1/earn").then(), 400, "malformed-request");
    }

    @Test
    void aMissingBodyIsAMalformedRequest() {
        assertProblem(merchant().post("/v1/members").then(), 400, "malformed-request");
    }

    @TestHTTPResource("/v1/members")
    URI members;

    /** A chunked body of no chunks, which the event loop does not read ahead (RequestBodies), is answered too. */
    @Test
    void anEmptyChunkedBodyIsAMalformedRequest() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(members).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + Tokens.merchant()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.noBody()))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("/malformed-request"), response.body());
    }

    /** A client that goes before its body is sent whole (a webshop's timeout) is not an error of the service's. */
    @Test
    void aClientThatClosesItsConnectionInTheMiddleOfItsBodyLeavesNoErrorInTheLog() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger bodies = Logger.getLogger(RequestBodies.class.getName());
        Level level = bodies.getLevel();
        bodies.setLevel(Level.FINE);
        Logger root = Logger.getLogger("");
        root.addHandler(collect);
        try (Socket socket = new Socket(members.getHost(), members.getPort())) {
            String head = "POST /v1/members HTTP/1.1\r\nHost: lojal\r\nAuthorization: Bearer " + Tokens.merchant()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"externalId\": ";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Closed once the service has the request's head and the start of its body.
            Thread.sleep(200);
        } finally {
            try {
                // The service's note of the closed connection, then a little longer for an error that would follow it.
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (records.stream().noneMatch(r -> r.getLoggerName().equals(bodies.getName()))
                        && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                Thread.sleep(200);
            } finally {
                root.removeHandler(collect);
                bodies.setLevel(level);
            }
        }
        assertTrue(records.stream().anyMatch(r -> r.getLoggerName().equals(bodies.getName())
                && r.getMessage().contains("the client closed the connection")), "the closed connection was noted");
        assertEquals(List.of(), records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogRecord::getMessage).toList());
    }

    @Test
    void wrongTypesNameTheField() {
        assertProblem(merchant().body("{\"externalId\": 42}").post("/v1/members").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("externalId"));
        assertProblem(merchant().body("{\"externalId\": \"a\", \"birthDate\": \"10/12/1990\"}").post("/v1/members").then(),
                400, "validation-failed").body("errors[0].field", equalTo("birthDate"));
        String member = Api.enrol();
        for (String amount : new String[] {"\"100\"", "1.5", "true", "null", "{}"}) {
            assertProblem(merchant().header("Idempotency-Key", Api.key())
                    .body("{\"memberId\": \"" + member + "\", \"orderId\": \"x\", \"currency\": \"EUR\", \"amount\": " + amount + "}")
                    .post("/v1/earn").then(), 400, "validation-failed").body("errors[0].field", equalTo("amount"));
        }
        assertProblem(merchant().header("Idempotency-Key", Api.key())
                .body("{\"memberId\": \"" + member + "\", \"orderId\": \"x\", \"currency\": \"EUR\", \"amount\": 5, \"lines\": [{\"sku\": \"a\", \"quantity\": \"two\", \"unitPrice\": 5}]}")
                .post("/v1/earn").then(), 400, "validation-failed").body("errors[0].field", equalTo("lines[0].quantity"));
    }

    @Test
    void unknownFieldsAreRefused() {
        assertProblem(merchant().body("{\"externalId\": \"a\", \"favouriteColour\": \"red\"}").post("/v1/members").then(),
                400, "validation-failed").body("errors[0].field", equalTo("favouriteColour"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedCleanly() {
        assertProblem(Api.merchant().contentType(ContentType.TEXT).body("hello").post("/v1/members").then(), 415, "unsupported-media-type");
    }

    @Test
    void unknownPathsAndMethodsAnswerInProblemJson() {
        assertProblem(merchant().get("/v1/no-such-thing").then(), 404, "not-found");
        assertProblem(merchant().delete("/v1/program").then(), 405, "method-not-allowed");
    }
}
