package io.lojal.analytics;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Analytics aggregate over everything, so their tests get a database schema of their own. */
public class AnalyticsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=lojal_analytics",
                "quarkus.flyway.schemas", "lojal_analytics");
    }
}
