package jp.tabiji.analytics.catalogue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** The release lattice's periods: local days, ISO weeks (Monday to Sunday) and calendar months. */
public final class Periods {
    public static final List<String> SPANS = List.of("day", "week", "month");

    private Periods() {
    }

    /** "day", "week" or "month" if {@code from..to} is exactly one such period, else null. */
    public static String lattice(LocalDate from, LocalDate to) {
        for (String span : SPANS) {
            if (start(span, from).equals(from) && end(span, from).equals(to)) {
                return span;
            }
        }
        return null;
    }

    public static LocalDate start(String span, LocalDate day) {
        return switch (span) {
            case "day", "hour" -> day;
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> day.withDayOfMonth(1);
        };
    }

    public static LocalDate end(String span, LocalDate period) {
        return switch (span) {
            case "day", "hour" -> period;
            case "week" -> start(span, period).plusDays(6);
            default -> period.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** Whether {@code from..to} is made of whole periods of {@code span}. */
    public static boolean whole(String span, LocalDate from, LocalDate to) {
        return start(span, from).equals(from) && end(span, to).equals(to);
    }

    /** The lattice periods that cover a range, for an error message that offers them. */
    public static String covering(LocalDate from, LocalDate to) {
        LocalDate weekFrom = start("week", from);
        LocalDate weekTo = end("week", to);
        String months = from.withDayOfMonth(1).equals(to.withDayOfMonth(1))
                ? from.toString().substring(0, 7) : from.toString().substring(0, 7) + " to " + to.toString().substring(0, 7);
        return "the days one by one (groupBy=day), the ISO weeks " + weekFrom + ".." + weekTo
                + " (groupBy=week), or the months " + months + " (groupBy=month)";
    }
}
