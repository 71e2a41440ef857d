package io.lojal.member;

import static io.lojal.support.Api.merchant;
import static io.lojal.support.Api.unique;
import static io.lojal.support.Problems.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberResourceTest {

    @BeforeEach
    void program() {
        Fixtures.standardProgram();
    }

    @Test
    void enrolmentCreatesAnActiveMemberInTheEntryTierWithNoPoints() {
        String externalId = unique("ada");
        var created = merchant().body(Map.of("externalId", externalId, "email", "ada@example.com", "name", "Ada",
                        "birthDate", "1990-12-10", "attributes", Map.of("segment", "vip")))
                .post("/v1/members")
                .then().statusCode(201)
                .body("externalId", equalTo(externalId))
                .body("email", equalTo("ada@example.com"))
                .body("birthDate", equalTo("1990-12-10"))
                .body("status", equalTo("ACTIVE"))
                .body("tier.code", equalTo("MEMBER"))
                .body("points.available", equalTo(0))
                .body("points.pending", equalTo(0))
                .body("points.lifetimeEarned", equalTo(0))
                .body("points.lifetimeRedeemed", equalTo(0))
                .body("points.expiringSoon", nullValue())
                .body("referredBy", nullValue())
                .body("attributes.segment", equalTo("vip"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/v1/members/" + id));

        merchant().get("/v1/members/" + id).then().statusCode(200).body("externalId", equalTo(externalId));
    }

    @Test
    void enrollingAnExistingExternalIdIsRefused() {
        String externalId = unique("dup");
        Api.enrol(externalId);
        assertProblem(merchant().body(Map.of("externalId", externalId)).post("/v1/members").then(), 409, "member-exists");
    }

    @Test
    void anUnknownReferralCodeIsRefused() {
        assertProblem(merchant().body(Map.of("externalId", unique("ref"), "referralCode", "NOSUCHCODE"))
                .post("/v1/members").then(), 422, "invalid-referral-code");
    }

    @Test
    void invalidFieldsAreEachListed() {
        assertProblem(merchant().body(Map.of("externalId", " ", "email", "not-an-email", "birthDate", "2999-01-01"))
                .post("/v1/members").then(), 400, "validation-failed")
                .body("errors.field", hasItem("externalId"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("birthDate"));
    }

    @Test
    void readOnlyFieldsInAnEnrolmentAreRefused() {
        for (String field : List.of("id", "points", "tier", "status", "enrolledAt")) {
            Map<String, Object> body = new HashMap<>(Map.of("externalId", unique("ro")));
            body.put(field, "x");
            assertProblem(merchant().body(body).post("/v1/members").then(), 400, "validation-failed")
                    .body("errors[0].field", equalTo(field));
        }
    }

    @Test
    void findingByExternalIdGivesAListOfZeroOrOne() {
        String externalId = unique("find");
        String id = Api.enrol(externalId);
        merchant().get("/v1/members?externalId=" + externalId).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id)).body("nextCursor", nullValue());
        merchant().get("/v1/members?externalId=" + unique("nobody")).then().statusCode(200)
                .body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void listingPagesThroughMembersNewestFirst() {
        String first = Api.enrol();
        String second = Api.enrol();
        String cursor = merchant().get("/v1/members?limit=1").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(second))
                .extract().path("nextCursor");
        merchant().get("/v1/members?limit=1&cursor=" + cursor).then().statusCode(200)
                .body("items[0].id", equalTo(first));
        assertProblem(merchant().get("/v1/members?limit=201").then(), 400, "validation-failed").body("errors[0].field", equalTo("limit"));
        assertProblem(merchant().get("/v1/members?cursor=garbage").then(), 400, "validation-failed").body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anUnknownMemberIsNotFound() {
        assertProblem(merchant().get("/v1/members/mem_nosuchmember").then(), 404, "not-found");
        assertProblem(merchant().body(Map.of("name", "x")).patch("/v1/members/mem_nosuchmember").then(), 404, "not-found");
        assertProblem(merchant().delete("/v1/members/mem_nosuchmember").then(), 404, "not-found");
        assertProblem(merchant().get("/v1/members/mem_nosuchmember/transactions").then(), 404, "not-found");
    }

    @Test
    void patchChangesOnlyTheFieldsGivenAndNullClears() {
        String id = merchant().body(Map.of("externalId", unique("patch"), "email", "old@example.com", "name", "Old"))
                .post("/v1/members").then().statusCode(201).extract().path("id");
        Map<String, Object> patch = new HashMap<>();
        patch.put("email", "new@example.com");
        patch.put("name", null);
        merchant().body(patch).patch("/v1/members/" + id).then().statusCode(200)
                .body("email", equalTo("new@example.com"))
                .body("name", nullValue());
        merchant().body(Map.of("status", "SUSPENDED")).patch("/v1/members/" + id).then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("email", equalTo("new@example.com"));
    }

    @Test
    void patchRefusesClosingReadOnlyFieldsAndBadValues() {
        String id = Api.enrol();
        assertProblem(merchant().body(Map.of("status", "CLOSED")).patch("/v1/members/" + id).then(), 400, "validation-failed");
        assertProblem(merchant().body(Map.of("externalId", "other")).patch("/v1/members/" + id).then(), 400, "validation-failed");
        assertProblem(merchant().body(Map.of("points", Map.of("available", 1000))).patch("/v1/members/" + id).then(), 400, "validation-failed");
        assertProblem(merchant().body(Map.of("email", "nope")).patch("/v1/members/" + id).then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void aSuspendedMemberCannotEarnOrRedeem() {
        String id = Api.enrol();
        Api.adjust(id, 500).statusCode(201);
        merchant().body(Map.of("status", "SUSPENDED")).patch("/v1/members/" + id).then().statusCode(200);
        assertProblem(Api.earn(id, unique("o"), 1000), 422, "member-inactive");
        assertProblem(Api.redeem(id, 100), 422, "member-inactive");
        assertEquals(500, Api.available(id));
        merchant().body(Map.of("status", "ACTIVE")).patch("/v1/members/" + id).then().statusCode(200);
        Api.redeem(id, 100).statusCode(201).body("balance.available", equalTo(400));
    }

    @Test
    void erasureForgetsPersonalDataForfeitsPointsAndKeepsTheLedger() {
        String externalId = unique("erase");
        String id = merchant().body(Map.of("externalId", externalId, "email", "e@example.com", "name", "E", "birthDate", "1980-01-01"))
                .post("/v1/members").then().statusCode(201).extract().path("id");
        Api.earn(id, unique("o"), 75_000).statusCode(201);

        merchant().delete("/v1/members/" + id).then().statusCode(204);

        merchant().get("/v1/members/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("externalId", nullValue())
                .body("email", nullValue())
                .body("name", nullValue())
                .body("birthDate", nullValue())
                .body("points.available", equalTo(0));
        merchant().get("/v1/members?externalId=" + externalId).then().body("items", hasSize(0));
        List<String> types = merchant().get("/v1/members/" + id + "/transactions").then().statusCode(200).extract().path("items.type");
        assertEquals(List.of("FORFEIT", "EARN"), types);
        merchant().get("/v1/members/" + id + "/transactions").then().body("items[0].points", equalTo(-750));
        assertProblem(Api.earn(id, unique("o"), 1000), 422, "member-inactive");
        assertProblem(merchant().body(Map.of("name", "back")).patch("/v1/members/" + id).then(), 422, "member-inactive");

        // Erasing again changes nothing, and the externalId is free for a new enrolment.
        merchant().delete("/v1/members/" + id).then().statusCode(204);
        assertEquals(2, ((List<?>) merchant().get("/v1/members/" + id + "/transactions").then().extract().path("items")).size());
        Api.enrol(externalId);
    }

    @Test
    void transactionsPageNewestFirst() {
        String id = Api.enrol();
        Api.earn(id, unique("o"), 10_000).statusCode(201);
        Api.earn(id, unique("o"), 20_000).statusCode(201);
        Api.earn(id, unique("o"), 30_000).statusCode(201);
        String cursor = merchant().get("/v1/members/" + id + "/transactions?limit=2").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].points", equalTo(300))
                .body("items[1].points", equalTo(200))
                .body("items[0].type", equalTo("EARN"))
                .extract().path("nextCursor");
        merchant().get("/v1/members/" + id + "/transactions?limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].points", equalTo(100))
                .body("nextCursor", nullValue());
    }
}
