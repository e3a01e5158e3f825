package jp.tabiji.ingest.publish;

/** Kafka topic names (DESIGN.md). */
public final class Topics {
    public static final String EVENTS = "tabiji.events";
    public static final String DLQ = "tabiji.dlq";
    public static final String LATE = "tabiji.late";
    /** Hotspot alerts opening and clearing (JSON, issue 6). */
    public static final String ALERTS = "tabiji.alerts";
    /** Compacted: where each file source stands, written in the same transaction as the events it read. */
    public static final String INGEST_OFFSETS = "tabiji.ingest.offsets";

    private Topics() {
    }
}
