package jp.tabiji.ingest.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Japan's national holidays (国民の祝日 and 休日: substitute holidays and days between two holidays) of the years
 * the shipped file knows, {@code calendar/holidays-jp.csv}, in the Cabinet Office's own format (内閣府
 * 「国民の祝日」 syukujitsu.csv: {@code yyyy/M/d,name}, here in UTF-8). Shared by everything that plans by the calendar:
 * usual hours on the operations page, closed days of sites, later baselines of events.
 *
 * <p>A date outside the known years is an error, never a guess: a holiday the file does not know would silently
 * make a day usual that is not. Extend the file with the Cabinet Office's list, published each February for the
 * following year.
 */
public final class HolidayCalendar implements Serializable {
    public static final String RESOURCE = "/calendar/holidays-jp.csv";
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");

    private final TreeMap<LocalDate, String> holidays;
    private final int firstYear;
    private final int lastYear;
    private final String source;
    private final long firstDay;
    private final long lastDay;
    // holidays by epoch day from firstYear's 1 January: asked for every AP at every minute (usual hours), where a
    // tree lookup by LocalDate was the job's largest single cost; rebuilt after deserialization
    private transient volatile BitSet byDay;

    private HolidayCalendar(TreeMap<LocalDate, String> holidays, String source) {
        if (holidays.isEmpty()) {
            throw new IllegalArgumentException(source + " lists no holiday");
        }
        this.holidays = holidays;
        this.firstYear = holidays.firstKey().getYear();
        this.lastYear = holidays.lastKey().getYear();
        this.source = source;
        this.firstDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
        this.lastDay = LocalDate.of(lastYear, 12, 31).toEpochDay();
        for (int y = firstYear; y <= lastYear; y++) {
            if (!holidays.containsKey(LocalDate.of(y, 1, 1))) {
                throw new IllegalArgumentException(source + " misses the year " + y + " (no 元日 on " + y + "/1/1)");
            }
        }
    }

    /** The shipped calendar. */
    public static HolidayCalendar japan() {
        try (InputStream in = HolidayCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(),
                    RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of {@code yyyy/M/d,name} (or ISO dates) after a header line; blank lines and {@code #} comments skipped. */
    public static HolidayCalendar parse(List<String> lines, String source) {
        TreeMap<LocalDate, String> days = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", 2);
            try {
                LocalDate d = f[0].contains("/") ? LocalDate.parse(f[0].strip(), SLASHED) : LocalDate.parse(f[0].strip());
                days.put(d, f.length > 1 ? f[1].strip() : "");
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": not a date: '" + f[0] + "'", e);
            }
        }
        return new HolidayCalendar(days, source);
    }

    /**
     * The kind of a day, as the operations page's usual hours and the visitor baseline compare days: 1–6 Monday to
     * Saturday, 7 for Sundays and national holidays (an error past the calendar's years).
     */
    public int kindOfDay(long epochDay) {
        return isHoliday(epochDay) ? 7 : (int) Math.floorMod(epochDay + 3, 7L) + 1; // epoch day 0 was a Thursday
    }

    /** Whether {@code day} is a national holiday; an error for a year the calendar does not know. */
    public boolean isHoliday(LocalDate day) {
        return isHoliday(day.toEpochDay());
    }

    /** {@link #isHoliday(LocalDate)} of an epoch day, without making a date. */
    public boolean isHoliday(long epochDay) {
        if (epochDay < firstDay || epochDay > lastDay) {
            return name(LocalDate.ofEpochDay(epochDay)).isPresent(); // the error naming the missing year
        }
        BitSet days = byDay;
        if (days == null) {
            days = new BitSet();
            for (LocalDate d : holidays.keySet()) {
                days.set((int) (d.toEpochDay() - firstDay));
            }
            byDay = days;
        }
        return days.get((int) (epochDay - firstDay));
    }

    /** The holiday's name on {@code day}, empty on other days; an error for a year the calendar does not know. */
    public Optional<String> name(LocalDate day) {
        if (day.getYear() < firstYear || day.getYear() > lastYear) {
            throw new IllegalStateException("Japanese national holidays are known for " + firstYear + "–" + lastYear
                    + " only (" + source + "), not for " + day + ": add the year from the Cabinet Office's list "
                    + "(https://www8.cao.go.jp/chosei/shukujitsu/syukujitsu.csv) to " + RESOURCE);
        }
        return Optional.ofNullable(holidays.get(day));
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    /** Every holiday of the known years, by date. */
    public Map<LocalDate, String> all() {
        return java.util.Collections.unmodifiableMap(holidays);
    }
}
