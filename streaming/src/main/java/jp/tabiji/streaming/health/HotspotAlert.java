package jp.tabiji.streaming.health;

import java.util.Objects;

/**
 * One alert transition: an alert opening or clearing. Both carry the same {@code alertId}, made from the AP, the
 * kind and the event time that started the condition, so a replayed or restored job writes the same ids again
 * (ClickHouse keeps one row per id and state; Kafka consumers can drop repeats the same way).
 *
 * <p>While an alert is open its worst value so far is its peak: when the peak rises (more clients, a higher failure
 * share) the opening is sent again with the next {@code revision}, so the operations page shows the peak so far;
 * the clearing carries the final peak. Keep the highest revision per id and state.
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
    /**
     * The worst value while open: most clients (overloaded), highest failure share (login spike); for silent and
     * unknown-AP alerts the opening value (their extent is the time they stay open).
     */
    public double peakValue;
    /** When the peak was measured (epoch ms). */
    public long peakAt;
    /** Login spike: the window's attempts and failures at the peak share; 0 for other kinds. */
    public long peakAttempts;
    public long peakFailures;
    /** 0 for the opening; one more each time the opening is re-sent with a higher peak. */
    public int revision;
    /**
     * Login spike: what value and threshold are, {@code failure_share} (the share of attempts that failed, where the
     * AP logs successes) or {@code failure_rate} (the window's failures against the AP's usual number, where it logs
     * failures only; attempts are then unknown, 0); null for other kinds.
     */
    public String basis;

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
        a.peakValue = value;
        a.peakAt = ts;
        return a;
    }

    /** A login spike's opening: its basis, with the window's attempts and failures at the first peak. */
    HotspotAlert withLogins(String how, long attempts, long failures) {
        basis = how;
        peakAttempts = attempts;
        peakFailures = failures;
        return this;
    }

    /**
     * This open alert again with a higher peak, measured at {@code at}, as the next revision; still the same opening
     * ({@code ts} unchanged), so the order of transitions stays open, clear.
     */
    HotspotAlert peaked(long at, double peak, long attempts, long failures, String why) {
        HotspotAlert a = copy(OPEN, ts, value, why);
        a.peakValue = peak;
        a.peakAt = at;
        a.peakAttempts = attempts;
        a.peakFailures = failures;
        a.revision = revision + 1;
        return a;
    }

    /** The clearing of this (open) alert at {@code ts}. */
    HotspotAlert cleared(long at, double nowValue, String why) {
        return copy(CLEAR, at, nowValue, why);
    }

    private HotspotAlert copy(String newState, long at, double nowValue, String why) {
        HotspotAlert a = new HotspotAlert();
        a.alertId = alertId;
        a.apId = apId;
        a.siteId = siteId;
        a.kind = kind;
        a.state = newState;
        a.ts = at;
        a.openedAt = openedAt;
        a.value = nowValue;
        a.threshold = threshold;
        a.detail = why;
        a.peakValue = peakValue;
        a.peakAt = peakAt;
        a.peakAttempts = peakAttempts;
        a.peakFailures = peakFailures;
        a.revision = revision;
        a.basis = basis;
        return a;
    }

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HotspotAlert a && Objects.equals(alertId, a.alertId) && Objects.equals(state, a.state)
                && ts == a.ts && revision == a.revision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(alertId, state, ts, revision);
    }

    @Override
    public String toString() {
        return "HotspotAlert{" + alertId + " " + state + (revision > 0 ? " r" + revision : "") + " at " + ts + ": "
                + detail + "}";
    }
}
