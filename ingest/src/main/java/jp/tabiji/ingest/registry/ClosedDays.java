package jp.tabiji.ingest.registry;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The days a site is closed, as the registry's optional {@code closed} column writes them: rules separated by
 * spaces or {@code ;}, any of
 * <ul>
 *   <li>{@code mon} … {@code sun}: every such weekday;</li>
 *   <li>{@code mon+}: every Monday, except that when it is a national holiday the site opens and closes on the next
 *       day that is none (the museum rule 「月曜休館（祝日の場合は翌平日）」);</li>
 *   <li>{@code holidays}: every national holiday;</li>
 *   <li>{@code 12-29..01-03}: the same days every year (年末年始), across the new year where written so;</li>
 *   <li>{@code 2026-12-01} or {@code 2026-12-01..2026-12-05}: particular days.</li>
 * </ul>
 * The same rules serve the operations page (a closed day has no usual hours) and later planning features.
 */
public final class ClosedDays implements Serializable {
    public static final ClosedDays NONE = new ClosedDays(List.of(), "");

    private sealed interface Rule extends Serializable {
    }

    private record Weekly(DayOfWeek day, boolean movesOffHolidays) implements Rule {
    }

    private record Holidays() implements Rule {
    }

    private record Yearly(MonthDay from, MonthDay to) implements Rule {
    }

    private record Dates(LocalDate from, LocalDate to) implements Rule {
    }

    private final List<Rule> rules;
    private final String text;

    private ClosedDays(List<Rule> rules, String text) {
        this.rules = List.copyOf(rules);
        this.text = text;
    }

    /** Reads the column; blank is {@link #NONE}; anything unreadable is an error naming the rule. */
    public static ClosedDays parse(String column) {
        if (column == null || column.isBlank()) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        for (String raw : column.trim().split("[;\\s]+")) {
            String r = raw.toLowerCase(Locale.ROOT);
            try {
                rules.add(rule(r));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("closed: '" + raw + "' is none of mon…sun, mon+…sun+, holidays, "
                        + "MM-DD..MM-DD, YYYY-MM-DD[..YYYY-MM-DD]");
            }
        }
        return new ClosedDays(rules, column.trim());
    }

    private static Rule rule(String r) {
        if (r.equals("holidays")) {
            return new Holidays();
        }
        boolean moves = r.endsWith("+");
        String day = moves ? r.substring(0, r.length() - 1) : r;
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(day)) {
                return new Weekly(d, moves);
            }
        }
        String[] span = r.split("\\.\\.", -1);
        if (span.length > 2 || moves) {
            throw new IllegalArgumentException(r);
        }
        String to = span.length == 2 ? span[1] : span[0];
        if (span[0].length() == 5) {
            return new Yearly(MonthDay.parse("--" + span[0]), MonthDay.parse("--" + to));
        }
        LocalDate from = LocalDate.parse(span[0]);
        LocalDate until = LocalDate.parse(to);
        if (until.isBefore(from)) {
            throw new IllegalArgumentException(r);
        }
        return new Dates(from, until);
    }

    /** Whether the site is closed on {@code day}; holidays from {@code calendar} (an error past its known years). */
    public boolean isClosed(LocalDate day, HolidayCalendar calendar) {
        for (Rule rule : rules) {
            if (closedBy(rule, day, calendar)) {
                return true;
            }
        }
        return false;
    }

    private static boolean closedBy(Rule rule, LocalDate day, HolidayCalendar calendar) {
        if (rule instanceof Weekly w) {
            if (!w.movesOffHolidays()) {
                return day.getDayOfWeek() == w.day();
            }
            if (calendar.isHoliday(day)) {
                return false;
            }
            // the closing moves forward over holidays: closed on the first non-holiday from the weekday on
            LocalDate d = day;
            while (d.getDayOfWeek() != w.day()) {
                d = d.minusDays(1);
                if (!calendar.isHoliday(d)) {
                    return false; // a working day lies between the weekday and this day
                }
            }
            return true;
        }
        if (rule instanceof Holidays) {
            return calendar.isHoliday(day);
        }
        if (rule instanceof Yearly y) {
            MonthDay md = MonthDay.from(day);
            return y.from().isAfter(y.to()) ? !md.isBefore(y.from()) || !md.isAfter(y.to())
                    : !md.isBefore(y.from()) && !md.isAfter(y.to());
        }
        Dates d = (Dates) rule;
        return !day.isBefore(d.from()) && !day.isAfter(d.to());
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClosedDays c && c.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }
}
