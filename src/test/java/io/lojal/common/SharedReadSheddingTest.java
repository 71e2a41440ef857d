package io.lojal.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.OwnSchema;
import io.lojal.support.Parallel;
import io.lojal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/me} has a limit of its own: with room for one read at a time and the default room for other calls,
 * a burst of reads is partly shed, which it would not be if the reads were counted with the other calls.
 */
@QuarkusTest
@TestProfile(SharedReadSheddingTest.OneReadAtATime.class)
class SharedReadSheddingTest {

    public static class OneReadAtATime implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnSchema.config("_shed_reads", Map.of("lojal.me.max-in-flight", "1"));
        }
    }

    @Test
    void readsBeyondTheirOwnLimitAreShedAndGiveTheirPlaceBack() throws Exception {
        Fixtures.standardProgram();
        String externalId = Api.unique("cust");
        String member = Api.enrol(externalId);
        Api.adjust(member, 70).statusCode(201);
        String token = Tokens.member(externalId);
        List<Response> answers = Parallel.run(40, () -> Api.as(token).get("/v1/me").thenReturn());

        List<Response> shed = answers.stream().filter(r -> r.statusCode() == 503).toList();
        assertFalse(shed.isEmpty(), "with room for one read at a time, some reads of the burst are shed");
        for (Response r : answers) {
            if (r.statusCode() == 503) {
                assertEquals("https://lojal.dev/problems/overloaded", r.jsonPath().getString("type"));
            } else {
                assertEquals(200, r.statusCode());
                assertEquals(70, r.jsonPath().getLong("points.available"));
            }
        }
        for (int i = 0; i < 5; i++) {
            Api.as(token).get("/v1/me").then().statusCode(200);
        }
    }
}
