package jp.tabiji.streaming.health;

import java.util.Locale;

/** What is wrong with a hotspot (issue 6). Each alert opens once and clears once. */
public enum AlertKind {
    /** Nothing from the AP for the configured time during its usual hours. */
    SILENT,
    /** More clients connected than the registry's capacity, for the configured time. */
    OVERLOADED,
    /** Many portal or authorization attempts, a large share of them failing. */
    LOGIN_FAILURE_SPIKE,
    /** Events from an AP the registry does not list. */
    UNKNOWN_AP;

    /** The name used in ClickHouse, Kafka, the API and the CLI. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
