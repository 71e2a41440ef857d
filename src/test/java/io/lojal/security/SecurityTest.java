package io.lojal.security;

import static io.lojal.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;

import io.lojal.support.Api;
import io.lojal.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JWT matrix (each token wrong in one way only) and the role table of the contract. */
@QuarkusTest
class SecurityTest {

    @Test
    void noTokenIsUnauthorized() {
        assertProblem(given().get("/v1/members/x").then(), 401, "unauthorized").header("WWW-Authenticate", "Bearer");
        assertProblem(given().get("/v1/me").then(), 401, "unauthorized");
    }

    @Test
    void badTokensAreUnauthorized() {
        for (String token : new String[] {Tokens.expired("merchant"), Tokens.wrongIssuer("merchant"),
                Tokens.signedByAnotherKey("merchant"), Tokens.tampered("merchant"), "not-a-jwt"}) {
            assertProblem(Api.as(token).get("/v1/program").then(), 401, "unauthorized");
        }
    }

    @Test
    void aValidTokenOfTheRightRoleIsAccepted() {
        Api.as(Tokens.merchant()).get("/v1/program").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET, /v1/program, member, 403",
            "GET, /v1/program, partner, 403",
            "GET, /v1/program, analyst, 403",
            "GET, /v1/program, merchant, 200",
            "PUT, /v1/program, merchant, 403",
            "GET, /v1/earn-rules, merchant, 200",
            "POST, /v1/earn-rules, merchant, 403",
            "GET, /v1/members, member, 403",
            "GET, /v1/members, partner, 403",
            "GET, /v1/members, analyst, 403",
            "GET, /v1/members, admin, 200",
            "POST, /v1/earn, member, 403",
            "POST, /v1/earn, partner, 403",
            "POST, /v1/earn/quote, analyst, 403",
            "POST, /v1/redemptions, member, 403",
            "POST, /v1/refunds, partner, 403",
            "POST, /v1/members/x/adjustments, merchant, 403",
            "GET, /v1/me, merchant, 403",
            "GET, /v1/me, admin, 403",
            "GET, /v1/me/transactions, partner, 403",
    })
    void rolesAreEnforcedOnEveryEndpoint(String method, String path, String role, int status) {
        var response = Api.as(Tokens.of(role, role + "-sub")).body(Map.of()).contentType(ContentType.JSON).request(method, path).then();
        if (status == 403) {
            assertProblem(response, 403, "forbidden");
        } else {
            response.statusCode(status);
        }
    }
}
