package io.lojal.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lojal.support.Api;
import io.lojal.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A change another instance makes (here: straight in the database, then announced) is served here at once. */
@QuarkusTest
class ConfigChangesTest {

    @Inject
    DataSource db;

    @AfterEach
    void standard() {
        Fixtures.standardProgram();
    }

    @Test
    void aRuleAnnouncedByAnotherInstanceIsUsedWithoutWaitingForTheCacheToAge() throws Exception {
        Fixtures.standardProgram();
        String member = Api.enrol();
        Api.earn(member, Api.unique("o"), 1_000).statusCode(201);
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO earn_rule (id, name, type, active, points, per, created_at, updated_at)
                    VALUES ('rule_elsewhere', 'Made elsewhere', 'SPEND', true, 5, 100, now(), now());
                    NOTIFY lojal_config, 'earn-rules'""");
        }
        boolean seen = false;
        for (int i = 0; i < 50 && !seen; i++) {
            List<String> ids = Api.admin().get("/v1/earn-rules").then().extract().path("items.id");
            seen = ids.contains("rule_elsewhere");
            if (!seen) {
                Thread.sleep(100);
            }
        }
        assertTrue(seen, "the announced rule was not picked up within 5 s");
        Api.earn(member, Api.unique("o"), 1_000).statusCode(201).body("points", org.hamcrest.Matchers.equalTo(60));
    }
}
