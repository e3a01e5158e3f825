package jp.tabiji.analytics.catalogue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which local days the pipeline has ingested events for (any AP, any event: ingest coverage, never a count of
 * persons), and what the dashboard opens on. "No data" is decided here, from coverage, so that an empty range can
 * never be told from a range whose cells are hidden.
 *
 * @param days the local days holding at least one event
 * @param now  when this was read
 */
public record Coverage(NavigableSet<LocalDate> days, Instant now, ZoneId zone) {
    /** Events of a day may still arrive this long after it ends (the watermark bound and the sinks' flushes). */
    static final Duration SETTLE = Duration.ofHours(1);

    public Coverage {
        days = new TreeSet<>(days);
    }

    public static Coverage none(Instant now, ZoneId zone) {
        return new Coverage(new TreeSet<>(), now, zone);
    }

    /** Whether any day of {@code from..to} holds events. */
    public boolean holdsData(LocalDate from, LocalDate to) {
        LocalDate first = days.ceiling(from);
        return first != null && !first.isAfter(to);
    }

    /** A range of days. */
    public record Span(LocalDate from, LocalDate to) {
    }

    /**
     * What the dashboard opens on: the latest ISO week that has ended (and settled) and holds events; else, when
     * only the current week has any, its days from the first with events to the last; empty without any events.
     */
    public Optional<Span> opening() {
        for (LocalDate d = days.isEmpty() ? null : days.last(); d != null; d = days.lower(monday(d))) {
            LocalDate sunday = d.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            if (!sunday.plusDays(1).atStartOfDay(zone).toInstant().plus(SETTLE).isAfter(now)) {
                return Optional.of(new Span(monday(d), sunday));
            }
        }
        if (days.isEmpty()) {
            return Optional.empty();
        }
        LocalDate last = days.last();
        return Optional.of(new Span(days.ceiling(monday(last)), last));
    }

    /** The days with events as runs of consecutive days, oldest first. */
    public List<Span> runs() {
        List<Span> runs = new ArrayList<>();
        LocalDate start = null;
        LocalDate prev = null;
        for (LocalDate d : days) {
            if (prev == null || !d.equals(prev.plusDays(1))) {
                if (start != null) {
                    runs.add(new Span(start, prev));
                }
                start = d;
            }
            prev = d;
        }
        if (start != null) {
            runs.add(new Span(start, prev));
        }
        return runs;
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
