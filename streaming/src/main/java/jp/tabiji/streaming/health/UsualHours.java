package jp.tabiji.streaming.health;

import jp.tabiji.streaming.visit.RegionClock;

/**
 * An AP's usual hours (issue 6): the local hours of the day in which it had events on at least {@code usualDays}
 * of the {@code windowDays} days before the day in question. A quiet night is not usual, so it raises no silence.
 * The history is a ring of one bit mask per local day, in {@link ApTrack}.
 */
final class UsualHours {
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
        long hour = clock.hour(ts);
        return (usualMask(t, Math.floorDiv(hour, 24L)) & (1 << (int) Math.floorMod(hour, 24L))) != 0;
    }

    /** The usual hours of local day {@code day} as a 24-bit mask: hours with events on enough of the days before. */
    int usualMask(ApTrack t, long day) {
        if (t.historyDays == null) {
            return 0;
        }
        int[] counts = new int[24];
        int daysWithEvents = 0;
        for (long d = day - windowDays; d < day; d++) {
            int i = (int) Math.floorMod(d, (long) t.historyDays.length);
            int bits = t.historyDays[i] == d ? t.historyHours[i] : 0;
            if (bits != 0) {
                daysWithEvents++;
                for (int h = 0; h < 24; h++) {
                    counts[h] += (bits >>> h) & 1;
                }
            }
        }
        if (daysWithEvents < usualDays) {
            return 0;
        }
        int mask = 0;
        for (int h = 0; h < 24; h++) {
            if (counts[h] >= usualDays) {
                mask |= 1 << h;
            }
        }
        return mask;
    }

    /**
     * The first time at which the AP, silent since {@code since}, has been silent for {@code silentMs} counted
     * within usual hours only; {@link ApTrack#NONE} when no usual hour lies ahead in the window. Each day's usual
     * hours are worked out once, and a day without any is skipped whole: this runs at every minute of every AP.
     */
    long silenceDeadline(ApTrack t, long since, long silentMs) {
        if (t.historyDays == null) {
            return ApTrack.NONE;
        }
        long remaining = silentMs;
        long at = since;
        long horizon = since + (windowDays + 1) * 86_400_000L;
        long day = Long.MIN_VALUE;
        int mask = 0;
        while (at < horizon) {
            long hour = clock.hour(at);
            long d = Math.floorDiv(hour, 24L);
            if (d != day) {
                day = d;
                mask = usualMask(t, d);
            }
            if (mask == 0) {
                at = clock.nextDayStart(at);
                continue;
            }
            long hourEnd = clock.nextHourStart(at);
            if ((mask & (1 << (int) Math.floorMod(hour, 24L))) != 0) {
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
