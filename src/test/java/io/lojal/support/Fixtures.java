package io.lojal.support;

import java.util.List;
import java.util.Map;

/** A known program for tests whose expectations depend on it: EUR, minPoints 100, 1 point per 1.00. */
public final class Fixtures {

    public static final Map<String, Object> PROGRAM = Map.of(
            "name", "Test program", "currency", "EUR", "pendingDays", 0, "tierWindowMonths", 12,
            "grossMargin", 0.3,
            "redemption", Map.of("pointValue", 1, "minPoints", 100, "increment", 1),
            "referral", Map.of("referrerPoints", 500, "refereePoints", 250, "minFirstOrderAmount", 0,
                    "maxRewardsPerReferrerPerYear", 10));

    private Fixtures() {
    }

    /** Puts the known program in place and leaves exactly one rule: SPEND 1 point per 100 minor units. */
    public static void standardProgram() {
        program(PROGRAM);
        onlyRules(List.of(Map.of("name", "Base", "type", "SPEND", "points", 1, "per", 100)));
    }

    public static void program(Map<String, Object> program) {
        Api.admin().body(program).put("/v1/program").then().statusCode(200);
    }

    /** Replaces every earn rule with the given ones; returns their ids in order. */
    public static List<String> onlyRules(List<Map<String, Object>> rules) {
        List<String> existing = Api.admin().get("/v1/earn-rules").then().statusCode(200).extract().path("items.id");
        for (String id : existing) {
            Api.admin().delete("/v1/earn-rules/" + id).then().statusCode(204);
        }
        return rules.stream()
                .map(rule -> Api.admin().body(rule).post("/v1/earn-rules").then().statusCode(201).extract().<String>path("id"))
                .toList();
    }
}
