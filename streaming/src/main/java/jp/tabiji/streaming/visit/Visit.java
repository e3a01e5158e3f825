package jp.tabiji.streaming.visit;

/** A device's continuous presence at one site (DESIGN.md, "visit"). Flink POJO. */
public class Visit {
    public static final String UNKNOWN_LANG = "unknown";

    /** Deterministic: derived from device, site and start, so a re-sent row replaces itself. */
    public String visitId;
    public String deviceId;
    public String siteId;
    /** Region-local day of the start, as days since 1970-01-01. */
    public int startDay;
    public long startMs;
    public long endMs;
    public int events;
    /** The device's language at the end of the visit, or {@link #UNKNOWN_LANG}. */
    public String lang;
    public boolean randomMac;

    public Visit() {
    }

    public long dwellSeconds() {
        return (endMs - startMs) / 1000;
    }

    @Override
    public String toString() {
        return "Visit{" + visitId + " " + deviceId + "@" + siteId + " " + startMs + ".." + endMs + " events=" + events
                + " lang=" + lang + "}";
    }
}
