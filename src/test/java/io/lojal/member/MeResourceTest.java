package io.lojal.member;

import static io.lojal.support.Api.unique;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.lojal.support.Parallel;
import io.lojal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeResourceTest {

    @BeforeEach
    void program() {
        Fixtures.standardProgram();
    }

    @Test
    void aMemberSeesItsOwnPointsAndHistory() {
        String externalId = unique("app");
        String id = Api.enrol(externalId);
        Api.earn(id, unique("o"), 25_000).statusCode(201);
        Api.redeem(id, 100).statusCode(201);

        Api.as(Tokens.member(externalId)).get("/v1/me").then().statusCode(200)
                .body("id", equalTo(id))
                .body("externalId", equalTo(externalId))
                .body("points.available", equalTo(150))
                .body("points.lifetimeEarned", equalTo(250))
                .body("points.lifetimeRedeemed", equalTo(100));
        Api.as(Tokens.member(externalId)).get("/v1/me/transactions").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].type", equalTo("REDEEM"))
                .body("items[1].type", equalTo("EARN"));
        Api.as(Tokens.member(externalId)).get("/v1/me/transactions?limit=1").then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void membersAskingAtOnceEachGetTheirOwnView() throws Exception {
        // Views asked for together are read together: each caller must still get its own member, and a token of no
        // member its 404, whatever else was read in the same statement.
        int members = 12;
        List<String> externalIds = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            externalIds.add(unique("app"));
            Api.earn(Api.enrol(externalIds.get(i)), unique("o"), 1_000 * (i + 1)).statusCode(201);
        }
        AtomicInteger next = new AtomicInteger();
        List<Integer> statuses = Parallel.run(members * 3, () -> {
            int caller = next.getAndIncrement();
            String subject = caller % 3 == 2 ? unique("ghost") : externalIds.get(caller % members);
            Response response = Api.as(Tokens.member(subject)).get("/v1/me");
            if (caller % 3 == 2) {
                assertProblem(response.then(), 404, "not-found");
            } else {
                response.then().statusCode(200).body("externalId", equalTo(subject))
                        .body("points.available", equalTo(10 * (caller % members + 1)));
            }
            return response.statusCode();
        });
        assertEquals(members, statuses.stream().filter(status -> status == 404).count());
    }

    @Test
    void aTokenForNoEnrolledMemberIsNotFound() {
        assertProblem(Api.as(Tokens.member(unique("ghost"))).get("/v1/me").then(), 404, "not-found");
        assertProblem(Api.as(Tokens.member(unique("ghost"))).get("/v1/me/transactions").then(), 404, "not-found");
    }

    @Test
    void aMemberTokenCannotReachAnotherMember() {
        String other = Api.enrol();
        String externalId = unique("app");
        Api.enrol(externalId);
        assertProblem(Api.as(Tokens.member(externalId)).get("/v1/members/" + other).then(), 403, "forbidden");
        assertProblem(Api.as(Tokens.member(externalId)).get("/v1/members/" + other + "/transactions").then(), 403, "forbidden");
    }
}
