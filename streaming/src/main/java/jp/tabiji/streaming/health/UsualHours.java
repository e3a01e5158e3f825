package jp.tabiji.streaming.health;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import jp.tabiji.ingest.registry.ClosedDays;
import jp.tabiji.ingest.registry.HolidayCalendar;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.streaming.visit.RegionClock;

/**
 * An AP's usual hours (issues 6 and 15): the local hours in which it usually has events on this kind of day. A day's
 * kind is its weekday, with national holidays counted as Sundays (日曜・祝日), so a site quiet on Mondays is not
 * silent on Mondays. With at least {@link #SAME_KIND_MIN} days of the same kind seen in the last
 * {@link #SAME_KIND_WEEKS} weeks, an hour is usual when the AP had events in it on at least half of the latest
 * {@link #SAME_KIND_WEEKS} of them (and on two at least); before that, in an AP's first weeks, when it had events in
 * it on {@code usualDays} of the {@code windowDays} days before, and (once one day of the kind is known) on that day. A day the registry marks closed for the AP's site
 * has no usual hours and counts as no day of history. A quiet night is not usual, so it raises no silence.
 * The history is a ring of one bit mask per local day, in {@link ApTrack}.
 */
final class UsualHours {
    static final int SAME_KIND_WEEKS = 4;
    static final int SAME_KIND_MIN = 2;
    private final RegionClock clock;
    private final int usualDays;
    private final int windowDays;
    private final int ringDays;
    private final HolidayCalendar holidays;
    private final Map<String, ClosedDays> closed;

    UsualHours(RegionClock clock, int usualDays, int windowDays, HolidayCalendar holidays,
               Map<String, ClosedDays> closed) {
        this.clock = clock;
        this.usualDays = usualDays;
        this.windowDays = windowDays;
        this.ringDays = Math.max(windowDays, SAME_KIND_WEEKS * 7) + 1;
        this.holidays = holidays;
        this.closed = closed;
    }

    /** Marks the event's local hour as one with events, and counts it if it is a failed login. */
    void record(ApTrack t, WifiEvent e) {
        int i = record(t, e.ts);
        if (i >= 0 && e.type == EventType.LOGIN_FAILED) {
            t.historyFailures[i]++;
        }
    }

    /** Marks the local hour of {@code ts} as one with events; returns its slot in the ring, -1 if too old for it. */
    int record(ApTrack t, long ts) {
        long hour = clock.hour(ts);
        long day = Math.floorDiv(hour, 24L);
        if (t.historyDays == null || t.historyDays.length != ringDays) {
            resize(t);
        }
        if (t.firstDay == ApTrack.NONE || day < t.firstDay) {
            t.firstDay = day;
        }
        if (day < t.usualMaskDay) {
            t.usualMaskDay = ApTrack.NONE; // the usual hours of a day depend on the days before it only
        }
        int i = (int) Math.floorMod(day, (long) ringDays);
        if (t.historyDays[i] != day) {
            if (t.historyDays[i] > day) {
                return -1; // older than the ring holds
            }
            t.historyDays[i] = day;
            t.historyHours[i] = 0;
            t.historyFailures[i] = 0;
        }
        t.historyHours[i] |= 1 << (int) Math.floorMod(hour, 24L);
        return i;
    }

    /**
     * The AP's usual failed logins per hour with events, over the {@code windowDays} days before {@code day}: what
     * a login spike is measured against where successes are not logged. 0 without any such hour.
     */
    double failuresPerHour(ApTrack t, long day) {
        if (t.historyDays == null) {
            return 0;
        }
        long failures = 0;
        long hours = 0;
        for (long d = day - windowDays; d < day; d++) {
            int i = (int) Math.floorMod(d, (long) t.historyDays.length);
            if (t.historyDays[i] == d) {
                failures += t.historyFailures[i];
                hours += Integer.bitCount(t.historyHours[i]);
            }
        }
        return hours == 0 ? 0 : (double) failures / hours;
    }

    /** A new ring, or one of another size (settings changed, state from before issue 15) with its days moved over. */
    private void resize(ApTrack t) {
        long[] days = new long[ringDays];
        int[] hours = new int[ringDays];
        int[] failures = new int[ringDays];
        java.util.Arrays.fill(days, Long.MIN_VALUE);
        if (t.historyDays != null) {
            for (int j = 0; j < t.historyDays.length; j++) {
                long d = t.historyDays[j];
                int i = (int) Math.floorMod(d, (long) ringDays);
                if (d != Long.MIN_VALUE && d > days[i]) {
                    days[i] = d;
                    hours[i] = t.historyHours[j];
                    failures[i] = t.historyFailures == null ? 0 : t.historyFailures[j];
                }
            }
        }
        t.historyDays = days;
        t.usualMaskDay = ApTrack.NONE;
        t.historyHours = hours;
        t.historyFailures = failures;
    }

    /** Whether the local hour holding {@code ts} is one of the AP's usual hours. */
    boolean isUsual(ApTrack t, long ts) {
        long hour = clock.hour(ts);
        return (usualMask(t, Math.floorDiv(hour, 24L)) & (1 << (int) Math.floorMod(hour, 24L))) != 0;
    }

    /** The usual hours of local day {@code day} as a 24-bit mask; asked at every minute of an AP, so kept. */
    int usualMask(ApTrack t, long day) {
        if (t.historyDays == null) {
            return 0;
        }
        if (t.usualMaskDay == day && Objects.equals(t.usualMaskSite, t.siteId)) {
            return t.usualMask;
        }
        int mask = workOutUsualMask(t, day);
        t.usualMaskDay = day;
        t.usualMaskSite = t.siteId;
        t.usualMask = mask;
        return mask;
    }

    private int workOutUsualMask(ApTrack t, long day) {
        ClosedDays closedDays = t.siteId == null ? null : closed.get(t.siteId);
        if (isClosed(closedDays, day)) {
            return 0;
        }
        int kind = kind(day);
        long[] same = new long[SAME_KIND_WEEKS];
        int n = 0;
        for (long d = day - 1; d >= day - SAME_KIND_WEEKS * 7L && d >= t.firstDay && n < same.length; d--) {
            if (kind(d) == kind && !isClosed(closedDays, d)) {
                same[n++] = d;
            }
        }
        if (n >= SAME_KIND_MIN) {
            // a same-kind day without any event counts too: it is evidence that the AP is quiet on such days
            return busyHours(t, same, n, Math.max(2, (n + 1) / 2), 0);
        }
        // one such day known: the days before decide, except for hours that were quiet on it
        int onlyOne = n == 1 ? bits(t, same[0]) : ~0;
        long[] recent = new long[windowDays];
        int m = 0;
        for (long d = day - windowDays; d < day; d++) {
            if (!isClosed(closedDays, d)) {
                recent[m++] = d;
            }
        }
        return busyHours(t, recent, m, usualDays, usualDays) & onlyOne;
    }

    /** Hours with events on at least {@code need} of the days; none unless {@code minDaysWithEvents} had any. */
    private int busyHours(ApTrack t, long[] days, int n, int need, int minDaysWithEvents) {
        int[] counts = new int[24];
        int daysWithEvents = 0;
        for (int k = 0; k < n; k++) {
            int bits = bits(t, days[k]);
            if (bits != 0) {
                daysWithEvents++;
                for (int rest = bits; rest != 0; rest &= rest - 1) {
                    counts[Integer.numberOfTrailingZeros(rest)]++;
                }
            }
        }
        if (daysWithEvents < minDaysWithEvents) {
            return 0;
        }
        int mask = 0;
        for (int h = 0; h < 24; h++) {
            if (counts[h] >= need) {
                mask |= 1 << h;
            }
        }
        return mask;
    }

    private int bits(ApTrack t, long day) {
        int i = (int) Math.floorMod(day, (long) t.historyDays.length);
        return t.historyDays[i] == day ? t.historyHours[i] : 0;
    }

    private int kind(long day) {
        return holidays.kindOfDay(day);
    }

    private boolean isClosed(ClosedDays c, long day) {
        return c != null && c.isClosed(LocalDate.ofEpochDay(day), holidays);
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
        long horizon = since + (historyDays() + 1) * 86_400_000L;
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

    /** The days of history usual hours are worked out from. */
    int historyDays() {
        return ringDays - 1;
    }

    /** Whether any day of the history still lies within the window before {@code ts}'s day. */
    boolean remembersAnything(ApTrack t, long ts) {
        if (t.historyDays == null) {
            return false;
        }
        long day = Math.floorDiv(clock.hour(ts), 24L);
        for (long d : t.historyDays) {
            if (d != Long.MIN_VALUE && d >= day - historyDays()) {
                return true;
            }
        }
        return false;
    }
}
