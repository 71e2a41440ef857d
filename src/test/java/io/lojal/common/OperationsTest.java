package io.lojal.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsAreExposedForPrometheusWithBusinessCounters() {
        Fixtures.standardProgram();
        String member = Api.enrol();
        Api.adjust(member, 1_000).statusCode(201);
        Api.earn(member, Api.unique("o"), 1_000).statusCode(201);
        Api.redeem(member, 100).statusCode(201);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests"))
                .body(containsString("lojal_points_total{type=\"EARN\"}"))
                .body(containsString("lojal_points_total{type=\"REDEEM\"}"))
                .body(containsString("lojal_earn_seconds_count"))
                .body(containsString("lojal_redeem_seconds_count"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
