package io.lojal.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Calls the API as its clients do: JSON over HTTP with a bearer token. */
public final class Api {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification merchant() {
        return as(Tokens.merchant());
    }

    public static RequestSpecification admin() {
        return as(Tokens.admin());
    }

    /** A name no other test uses, so tests never depend on each other's data. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** Enrols a new member and returns its id. */
    public static String enrol() {
        return enrol(unique("cust"));
    }

    public static String enrol(String externalId) {
        return merchant().body(Map.of("externalId", externalId)).post("/v1/members")
                .then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse earn(String memberId, String orderId, long amount) {
        return merchant().header("Idempotency-Key", key())
                .body(Map.of("memberId", memberId, "orderId", orderId, "amount", amount, "currency", "EUR"))
                .post("/v1/earn").then();
    }

    /** An earn for an order placed at {@code occurredAt}: points pending from then, and expiring counted from then. */
    public static ValidatableResponse earnAt(String memberId, String orderId, long amount, Instant occurredAt) {
        return merchant().header("Idempotency-Key", key())
                .body(Map.of("memberId", memberId, "orderId", orderId, "amount", amount, "currency", "EUR",
                        "occurredAt", occurredAt.toString()))
                .post("/v1/earn").then();
    }

    public static ValidatableResponse redeem(String memberId, long points) {
        return merchant().header("Idempotency-Key", key())
                .body(Map.of("memberId", memberId, "points", points))
                .post("/v1/redemptions").then();
    }

    public static ValidatableResponse adjust(String memberId, long points) {
        return admin().header("Idempotency-Key", key())
                .body(Map.of("points", points, "reason", "test"))
                .post("/v1/members/" + memberId + "/adjustments").then();
    }

    public static long available(String memberId) {
        return ((Number) merchant().get("/v1/members/" + memberId).then().statusCode(200)
                .extract().path("points.available")).longValue();
    }
}
