package jp.tabiji.streaming.visit;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;

/**
 * Region-local days and hours of epoch-millisecond times by arithmetic on the zone's offset: formatting a
 * {@code ZonedDateTime} per event cost more than the rest of the sessionizer's work on it.
 */
public final class RegionClock implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

    private final ZoneId zone;
    private transient ZoneRules rules;

    public RegionClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Days since 1970-01-01 of the local date at {@code ts}. */
    public int day(long ts) {
        return (int) Math.floorDiv(localSecond(ts), 86_400L);
    }

    /** Hours since 1970-01-01T00 local time: a key for {@link #hourLabel}. */
    public long hour(long ts) {
        return Math.floorDiv(localSecond(ts), 3_600L);
    }

    /** The start (epoch ms) of the local hour after the one holding {@code ts}. */
    public long nextHourStart(long ts) {
        long second = Math.floorDiv(ts, 1000L);
        return (second + 3_600L - Math.floorMod(localSecond(ts), 3_600L)) * 1000L;
    }

    /** The start (epoch ms) of the local day after the one holding {@code ts}. */
    public long nextDayStart(long ts) {
        long second = Math.floorDiv(ts, 1000L);
        return (second + 86_400L - Math.floorMod(localSecond(ts), 86_400L)) * 1000L;
    }

    /** The local hour as {@code yyyy-MM-dd'T'HH}. */
    public static String hourLabel(long hour) {
        return HOUR.format(LocalDateTime.ofEpochSecond(hour * 3_600L, 0, ZoneOffset.UTC));
    }

    /** The day of a {@link #hour} key. */
    public static int dayOfHour(long hour) {
        return (int) Math.floorDiv(hour, 24L);
    }

    private long localSecond(long ts) {
        if (rules == null) {
            rules = zone.getRules();
        }
        long second = Math.floorDiv(ts, 1000L);
        return second + rules.getOffset(Instant.ofEpochSecond(second)).getTotalSeconds();
    }
}
