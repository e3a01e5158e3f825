package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The pseudonym period as the segment rules see it: a device id lives one period, so its history is that period's
 * visits and the thresholds scale with its length (docs/SEGMENTS.md). Mirrors the pseudonymizer's setting, which
 * `serve` and `query` are given like `ingest`.
 */
public enum SegmentPeriod {
    MONTH(Thresholds.standard(5, 4, 8, 15)),
    WEEK(Thresholds.standard(3, 3, 5, 5)),
    /** One day of history is too little: every device is {@code unknown}. */
    DAY(null),
    /** One id for good: the whole history, judged by the month's numbers (the least that fits it). */
    NONE(Thresholds.standard(5, 4, 8, 15));

    /** Where NONE's single period starts (and ends: never). */
    public static final LocalDate ALWAYS = LocalDate.of(1970, 1, 1);
    private final Thresholds thresholds;

    SegmentPeriod(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The period's default thresholds, or null where no device can be classified. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case WEEK -> day.with(ChronoField.DAY_OF_WEEK, 1);
            case DAY -> day;
            case NONE -> ALWAYS;
        };
    }

    /** The last day of the period starting at {@code start}. */
    public LocalDate end(LocalDate start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1).minusDays(1);
            case WEEK -> start.plusDays(6);
            case DAY -> start;
            case NONE -> LocalDate.MAX;
        };
    }

    /** The segments a device can have under this period. */
    public java.util.List<Segment> segments() {
        return thresholds == null ? java.util.List.of(Segment.UNKNOWN)
                : java.util.List.of(Segment.VISITOR, Segment.COMMUTER, Segment.STAFF, Segment.RESIDENT);
    }

    /** Whether the segments of the period holding {@code day} are final on {@code today}: the period has ended. */
    public boolean closed(LocalDate day, LocalDate today) {
        return this != NONE && end(start(day)).isBefore(today);
    }

    public static SegmentPeriod parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pseudonym period must be month, day, week or none, not '" + text + "'");
        }
    }
}
