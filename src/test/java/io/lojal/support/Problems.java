package io.lojal.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.restassured.response.ValidatableResponse;

/** Assertions on problem+json answers. */
public final class Problems {

    private Problems() {
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://lojal.dev/problems/" + slug))
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }
}
