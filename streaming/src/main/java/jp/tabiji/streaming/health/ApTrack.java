package jp.tabiji.streaming.health;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything {@link ApHealthMonitor} keeps about one AP, in one keyed value. A Flink POJO: collections are
 * declared by interface with concrete element types, arrays are primitive, so nothing falls back to Kryo.
 */
public class ApTrack {
    /** No time: the field is unset. */
    public static final long NONE = Long.MIN_VALUE;

    /** The AP's site as its latest events named it; null while it is missing from the registry. */
    public String siteId;
    /**
     * Events the watermark has not passed yet, by the end of their minute, in arrival order: a minute's events are
     * taken out whole when it is accounted for, however far ahead of the watermark one input runs.
     */
    public Map<Long, PendingMinute> pending = new HashMap<>();
    /** The end (epoch ms, inclusive) of the last minute accounted for, {@link #NONE} before any. */
    public long lastTick = NONE;
    /** Time of the AP's latest event accounted for. */
    public long lastSeen = NONE;
    /** Wall-clock time the latest event arrived (processing time; the live job judges silence by it). */
    public long lastArrival = NONE;
    /** Devices present now, by device id. */
    public Map<String, PresentClient> present = new HashMap<>();
    /** Usual hours: for day {@code historyDays[i]} (local epoch day), a bit per local hour with events. */
    public long[] historyDays;
    public int[] historyHours;
    /** Failed logins of day {@code historyDays[i]}: the AP's usual failure rate where successes are not logged. */
    public int[] historyFailures;
    /** Whether the AP's logs have said that a login succeeded (never inferred from a client reaching RUN state). */
    public boolean loginSuccessSeen;
    /** The first local day with events, {@link #NONE} before any: same-kind days before it are no evidence. */
    public long firstDay = NONE;
    /** Login attempts and failures per minute over the spike window, a ring indexed by minute. */
    public long[] loginMinutes;
    public int[] loginAttempts;
    public int[] loginFailures;
    /** Since when clients have exceeded capacity at every minute's end, {@link #NONE} when they do not. */
    public long overSince = NONE;
    /** Alerts open now, by kind name. */
    public Map<String, HotspotAlert> open = new HashMap<>();
    /** The pending silence check (event or processing time), {@link #NONE} when none is registered. */
    public long silenceCheck = NONE;

    // Not state (Flink's POJO serializer skips transient fields): what is worked out from the state at every minute,
    // kept while it holds. A copy of the track starts without them and works them out again.
    /** The local day {@link #usualMask} was worked out for, and the site it was worked out with. */
    transient long usualMaskDay = NONE;
    transient String usualMaskSite;
    transient int usualMask;
    /** No present client's connection times out before this (0: not known, look at every client). */
    transient long presentTimeoutNotBefore;

    public ApTrack() {
    }

    boolean isIdle() {
        return pending.isEmpty() && present.isEmpty() && open.isEmpty();
    }
}
