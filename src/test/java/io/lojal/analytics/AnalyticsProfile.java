package io.lojal.analytics;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Analytics aggregate over everything, so their tests get a database schema of their own. */
public class AnalyticsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String schema = System.getenv().getOrDefault("LOJAL_TEST_SCHEMA", "lojal_test") + "_analytics";
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + schema,
                "quarkus.flyway.schemas", schema);
    }
}
