package io.lojal.analytics;

import io.lojal.support.OwnSchema;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Analytics aggregate over everything, so their tests get a database schema of their own. */
public class AnalyticsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return OwnSchema.config("_analytics", Map.of());
    }
}
