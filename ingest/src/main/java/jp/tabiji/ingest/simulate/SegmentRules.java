package jp.tabiji.ingest.simulate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.tabiji.ingest.privacy.PseudonymPeriod;

/**
 * The segment rules of docs/SEGMENTS.md, applied by the simulator to its own model's visits of each device in
 * its pseudonym period: the truth the pipeline's classification must equal. Written apart from the pipeline's
 * (which is SQL), so that a mistake in one shows against the other.
 */
final class SegmentRules {
    static final Set<String> LODGING = Set.of("akiu-onsen", "naruko-onsen");
    private static final int OPEN_FROM_MIN = 7 * 60;
    private static final int OPEN_TO_MIN = 22 * 60;
    private static final long HOUR_MS = 3_600_000L;

    /** The thresholds of one kind of pseudonym period. */
    record Thresholds(int staffDays, int commuterWeekdays, int residentDays, int residentSpread) {
        static Thresholds of(PseudonymPeriod period) {
            return switch (period) {
                // without rotation the whole history is one period: the month's numbers, the least that fits it
                case MONTH, NONE -> new Thresholds(5, 4, 8, 15);
                case WEEK -> new Thresholds(3, 3, 5, 5);
                case DAY -> null;
            };
        }
    }

    private final ZoneId zone;
    private final Thresholds t;

    SegmentRules(ZoneId zone, PseudonymPeriod period) {
        this.zone = zone;
        this.t = Thresholds.of(period);
    }

    /** Every (device, period) of the model with its segment. */
    Map<String, String> segments(List<ModelVisits.Visit> visits) {
        Map<String, List<ModelVisits.Visit>> byDevice = new HashMap<>();
        visits.forEach(v -> byDevice.computeIfAbsent(v.device(), k -> new ArrayList<>()).add(v));
        Map<String, String> out = new HashMap<>();
        byDevice.forEach((device, own) -> out.put(device, segment(own)));
        return out;
    }

    String segment(List<ModelVisits.Visit> own) {
        if (t == null) {
            return "unknown";
        }
        if (isStaff(own)) {
            return "staff";
        }
        if (isCommuter(own)) {
            return "commuter";
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        own.forEach(v -> days.add(v.day()));
        if (days.size() >= t.residentDays()
                && ChronoUnit.DAYS.between(days.first(), days.last()) + 1 >= t.residentSpread()) {
            return "resident";
        }
        return "visitor";
    }

    private boolean isStaff(List<ModelVisits.Visit> own) {
        Set<String> guestAt = new HashSet<>();
        own.stream().filter(v -> LODGING.contains(v.siteId()) && overnight(v)).forEach(v -> guestAt.add(v.siteId()));
        // site -> local day -> ms within opening hours; site -> ISO week -> ms
        Map<String, Map<LocalDate, Long>> daily = new HashMap<>();
        Map<String, Map<Integer, Long>> weekly = new HashMap<>();
        for (ModelVisits.Visit v : own) {
            if (guestAt.contains(v.siteId())) {
                continue;
            }
            for (LocalDate d = localDate(v.start()); !d.isAfter(localDate(v.end())); d = d.plusDays(1)) {
                long open = openOverlap(v, d);
                if (open > 0) {
                    daily.computeIfAbsent(v.siteId(), k -> new HashMap<>()).merge(d, open, Long::sum);
                    weekly.computeIfAbsent(v.siteId(), k -> new HashMap<>()).merge(
                            d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), open,
                            Long::sum);
                }
            }
        }
        for (Map<LocalDate, Long> days : daily.values()) {
            if (days.values().stream().filter(ms -> ms >= 4 * HOUR_MS).count() >= t.staffDays()) {
                return true;
            }
        }
        return weekly.values().stream().anyMatch(w -> w.values().stream().anyMatch(ms -> ms >= 20 * HOUR_MS));
    }

    private boolean isCommuter(List<ModelVisits.Visit> own) {
        Set<String> sites = new HashSet<>();
        Set<LocalDate> weekdays = new HashSet<>();
        List<Integer> starts = new ArrayList<>();
        for (ModelVisits.Visit v : own) {
            sites.add(v.siteId());
            if (v.end() - v.start() >= 45 * 60_000L) {
                return false;
            }
            ZonedDateTime s = Instant.ofEpochMilli(v.start()).atZone(zone);
            if (s.getDayOfWeek() != DayOfWeek.SATURDAY && s.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays.add(s.toLocalDate());
            }
            starts.add(s.getHour() * 60 + s.getMinute());
        }
        return sites.size() <= 2 && weekdays.size() >= t.commuterWeekdays() && windows(starts) <= 2;
    }

    /** How many two-hour windows it takes to cover every start time of day (greedy, from the earliest). */
    static int windows(List<Integer> minutesOfDay) {
        List<Integer> sorted = new ArrayList<>(minutesOfDay);
        sorted.sort(null);
        int windows = 0;
        int end = Integer.MIN_VALUE;
        for (int m : sorted) {
            if (m > end) {
                windows++;
                end = m + 120;
            }
        }
        return windows;
    }

    /** Present across 00:00-05:00 local of some night: the visit covers that whole span. */
    private boolean overnight(ModelVisits.Visit v) {
        for (LocalDate d = localDate(v.start()); !d.isAfter(localDate(v.end())); d = d.plusDays(1)) {
            long midnight = d.atStartOfDay(zone).toInstant().toEpochMilli();
            if (v.start() <= midnight && v.end() >= midnight + 5 * HOUR_MS) {
                return true;
            }
        }
        return false;
    }

    private long openOverlap(ModelVisits.Visit v, LocalDate d) {
        long midnight = d.atStartOfDay(zone).toInstant().toEpochMilli();
        long from = Math.max(v.start(), midnight + OPEN_FROM_MIN * 60_000L);
        long to = Math.min(v.end(), midnight + OPEN_TO_MIN * 60_000L);
        return Math.max(0, to - from);
    }

    private LocalDate localDate(long ms) {
        return Instant.ofEpochMilli(ms).atZone(zone).toLocalDate();
    }
}
