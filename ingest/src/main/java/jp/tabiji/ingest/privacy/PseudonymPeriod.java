package jp.tabiji.ingest.privacy;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** How long one pseudonym lives: a device gets a new, unlinkable id each period (DESIGN.md, "Privacy"). */
public enum PseudonymPeriod {
    MONTH, DAY, WEEK, NONE;

    private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /** The period label of an event's local time: {@code 2026-11}, {@code 2026-11-29}, {@code 2026-W48}, {@code none}. */
    public String label(ZonedDateTime local) {
        return switch (this) {
            case MONTH -> MONTH_FORMAT.format(local);
            case DAY -> DAY_FORMAT.format(local);
            case WEEK -> String.format(Locale.ROOT, "%04d-W%02d",
                    local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case NONE -> "none";
        };
    }

    /** The start of the period that holds {@code local} (NONE: the distant past). */
    public ZonedDateTime start(ZonedDateTime local) {
        ZonedDateTime day = local.truncatedTo(ChronoUnit.DAYS);
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case DAY -> day;
            case WEEK -> day.with(ChronoField.DAY_OF_WEEK, 1);
            case NONE -> ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, local.getZone());
        };
    }

    /** The start of the period after the one starting at {@code start}. */
    public ZonedDateTime next(ZonedDateTime start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case NONE -> ZonedDateTime.of(9999, 1, 1, 0, 0, 0, 0, start.getZone());
        };
    }

    public static PseudonymPeriod parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pseudonym period must be month, day, week or none, not '" + text + "'");
        }
    }
}
