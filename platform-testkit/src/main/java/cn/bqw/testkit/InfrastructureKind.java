package cn.bqw.testkit;

import java.util.Locale;

/**
 * Which PostgreSQL and Kafka the tests start, chosen with {@code -Dbqw.test.infra}: the embedded
 * ones (the default; no Docker needed), or Testcontainers' where a Docker engine runs.
 */
public enum InfrastructureKind {
    EMBEDDED,
    CONTAINERS;

    public static final String PROPERTY = "bqw.test.infra";

    /** The kind {@code value} names (unset or blank: embedded); anything else is refused, naming both. */
    public static InfrastructureKind of(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "-D" + PROPERTY + "=" + value + ": expected embedded (the default) or containers", e);
        }
    }

    public static InfrastructureKind chosen() {
        return of(System.getProperty(PROPERTY));
    }
}
