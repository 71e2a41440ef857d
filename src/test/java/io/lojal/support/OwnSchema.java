package io.lojal.support;

import java.util.HashMap;
import java.util.Map;

/**
 * Config for a test profile whose tests need a database schema of their own (a profile restarts the application, and
 * its data must not meet the other tests'): the data source and Flyway point at the test schema plus {@code suffix}.
 */
public final class OwnSchema {

    private OwnSchema() {
    }

    /** The schema's settings, with {@code more} settings of the profile. */
    public static Map<String, String> config(String suffix, Map<String, String> more) {
        String schema = System.getenv().getOrDefault("LOJAL_TEST_SCHEMA", "lojal_test") + suffix;
        Map<String, String> config = new HashMap<>(more);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + schema);
        config.put("quarkus.flyway.schemas", schema);
        return config;
    }
}
