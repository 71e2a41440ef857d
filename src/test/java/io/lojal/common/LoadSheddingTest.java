package io.lojal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.OwnSchema;
import io.lojal.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With room for two calls at a time, a burst on one member is partly shed, and nothing of a shed call is applied. */
@QuarkusTest
@TestProfile(LoadSheddingTest.TwoAtATime.class)
class LoadSheddingTest {

    public static class TwoAtATime implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnSchema.config("_shed", Map.of("lojal.http.max-in-flight", "2"));
        }
    }

    @Test
    void aBurstBeyondTheLimitIsAnsweredOverloadedAndOnlyAdmittedCallsApply() throws Exception {
        Fixtures.standardProgram();
        String member = Api.enrol();
        // Earns on one member queue on its balance lock, so the burst really overlaps.
        List<Response> answers = Parallel.run(40, () -> Api.merchant().header("Idempotency-Key", Api.key())
                .body(Map.of("memberId", member, "orderId", Api.unique("o"), "amount", 1_000, "currency", "EUR"))
                .post("/v1/earn").thenReturn());

        List<Response> shed = answers.stream().filter(r -> r.statusCode() == 503).toList();
        long earned = answers.stream().filter(r -> r.statusCode() == 201).count();
        assertFalse(shed.isEmpty(), "some calls of the burst are shed");
        assertEquals(40, earned + shed.size(), "every call is either applied or shed");
        for (Response r : shed) {
            assertTrue(r.contentType().startsWith("application/problem+json"));
            assertEquals("1", r.header("Retry-After"));
            assertEquals("https://lojal.dev/problems/overloaded", r.jsonPath().getString("type"));
            assertEquals(503, r.jsonPath().getInt("status"));
        }
        long pointsPerOrder = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow()
                .jsonPath().getLong("points");
        assertEquals(earned * pointsPerOrder, Api.available(member));

        // Every admitted call gave its place back: calls one at a time all get in.
        for (int i = 0; i < 5; i++) {
            Api.earn(member, Api.unique("o"), 1_000).statusCode(201);
        }
    }

    @Test
    void onlyTheBalanceReadIsCountedApart() {
        assertTrue(LoadShedding.sharedRead(HttpMethod.GET, "/v1/me"));
        assertFalse(LoadShedding.sharedRead(HttpMethod.GET, "/v1/me/transactions"));
        assertFalse(LoadShedding.sharedRead(HttpMethod.PATCH, "/v1/me"));
        assertFalse(LoadShedding.sharedRead(HttpMethod.GET, "/v1/members/mem_1"));
    }
}
