package jp.tabiji.ingest.publish;

/** Kafka topic names (DESIGN.md). */
public final class Topics {
    public static final String EVENTS = "tabiji.events";
    public static final String DLQ = "tabiji.dlq";
    public static final String LATE = "tabiji.late";

    private Topics() {
    }
}
