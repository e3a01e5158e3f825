package jp.tabiji.streaming.health;

import java.util.Objects;

/**
 * One alert transition: an alert opening or clearing. Both carry the same {@code alertId}, made from the AP, the
 * kind and the event time that started the condition, so a replayed or restored job writes the same ids again
 * (ClickHouse keeps one row per id and state; Kafka consumers can drop repeats the same way).
 */
public class HotspotAlert {
    public static final String OPEN = "open";
    public static final String CLEAR = "clear";

    public String alertId;
    public String apId;
    /** null for an AP missing from the registry. */
    public String siteId;
    public AlertKind kind;
    /** {@link #OPEN} or {@link #CLEAR}. */
    public String state;
    /** When this transition happened (epoch ms). */
    public long ts;
    /** When the alert opened (epoch ms); equals {@code ts} for an opening. */
    public long openedAt;
    /** The measured value behind the alert: silent minutes, clients, failure share. */
    public double value;
    /** The threshold it was compared with. */
    public double threshold;
    /** A short English explanation, for people reading the topic or a webhook. */
    public String detail;

    public HotspotAlert() {
    }

    static HotspotAlert open(String apId, String siteId, AlertKind kind, long basis, long ts, double value,
                             double threshold, String detail) {
        HotspotAlert a = new HotspotAlert();
        a.alertId = kind.code() + ":" + apId + ":" + basis;
        a.apId = apId;
        a.siteId = siteId;
        a.kind = kind;
        a.state = OPEN;
        a.ts = ts;
        a.openedAt = ts;
        a.value = value;
        a.threshold = threshold;
        a.detail = detail;
        return a;
    }

    /** The clearing of this (open) alert at {@code ts}. */
    HotspotAlert cleared(long at, double nowValue, String why) {
        HotspotAlert a = new HotspotAlert();
        a.alertId = alertId;
        a.apId = apId;
        a.siteId = siteId;
        a.kind = kind;
        a.state = CLEAR;
        a.ts = at;
        a.openedAt = openedAt;
        a.value = nowValue;
        a.threshold = threshold;
        a.detail = why;
        return a;
    }

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HotspotAlert a && Objects.equals(alertId, a.alertId) && Objects.equals(state, a.state)
                && ts == a.ts;
    }

    @Override
    public int hashCode() {
        return Objects.hash(alertId, state, ts);
    }

    @Override
    public String toString() {
        return "HotspotAlert{" + alertId + " " + state + " at " + ts + ": " + detail + "}";
    }
}
