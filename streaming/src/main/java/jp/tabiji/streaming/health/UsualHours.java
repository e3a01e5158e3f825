package jp.tabiji.streaming.health;

import jp.tabiji.streaming.visit.RegionClock;

/**
 * An AP's usual hours (issue 6): the local hours of the day in which it had events on at least {@code usualDays}
 * of the {@code windowDays} days before the day in question. A quiet night is not usual, so it raises no silence.
 * The history is a ring of one bit mask per local day, in {@link ApTrack}.
 */
final class UsualHours {
    /** How far ahead a silence deadline is looked for: past the window, no hour can be usual any more. */
    private final RegionClock clock;
    private final int usualDays;
    private final int windowDays;

    UsualHours(RegionClock clock, int usualDays, int windowDays) {
        this.clock = clock;
        this.usualDays = usualDays;
        this.windowDays = windowDays;
    }

    /** Marks the local hour of {@code ts} as one with events. */
    void record(ApTrack t, long ts) {
        if (t.historyDays == null) {
            t.historyDays = new long[windowDays + 1];
            t.historyHours = new int[windowDays + 1];
            java.util.Arrays.fill(t.historyDays, Long.MIN_VALUE);
        }
        long hour = clock.hour(ts);
        long day = Math.floorDiv(hour, 24L);
        int i = (int) Math.floorMod(day, (long) t.historyDays.length);
        if (t.historyDays[i] != day) {
            if (t.historyDays[i] > day) {
                return; // older than the ring holds
            }
            t.historyDays[i] = day;
            t.historyHours[i] = 0;
        }
        t.historyHours[i] |= 1 << (int) Math.floorMod(hour, 24L);
    }

    /** Whether the local hour holding {@code ts} is one of the AP's usual hours. */
    boolean isUsual(ApTrack t, long ts) {
        if (t.historyDays == null) {
            return false;
        }
        long hour = clock.hour(ts);
        long day = Math.floorDiv(hour, 24L);
        int bit = 1 << (int) Math.floorMod(hour, 24L);
        int days = 0;
        for (long d = day - windowDays; d < day; d++) {
            int i = (int) Math.floorMod(d, (long) t.historyDays.length);
            if (t.historyDays[i] == d && (t.historyHours[i] & bit) != 0) {
                days++;
            }
        }
        return days >= usualDays;
    }

    /**
     * The first time at which the AP, silent since {@code since}, has been silent for {@code silentMs} counted
     * within usual hours only; {@link ApTrack#NONE} when no usual hour lies ahead in the window.
     */
    long silenceDeadline(ApTrack t, long since, long silentMs) {
        long remaining = silentMs;
        long at = since;
        long horizon = since + (windowDays + 1) * 86_400_000L;
        while (at < horizon) {
            long hourEnd = clock.nextHourStart(at);
            if (isUsual(t, at)) {
                if (hourEnd - at >= remaining) {
                    return at + remaining;
                }
                remaining -= hourEnd - at;
            }
            at = hourEnd;
        }
        return ApTrack.NONE;
    }

    /** Whether any day of the history still lies within the window before {@code ts}'s day. */
    boolean remembersAnything(ApTrack t, long ts) {
        if (t.historyDays == null) {
            return false;
        }
        long day = Math.floorDiv(clock.hour(ts), 24L);
        for (long d : t.historyDays) {
            if (d != Long.MIN_VALUE && d >= day - windowDays) {
                return true;
            }
        }
        return false;
    }
}
