package jp.tabiji.analytics.segments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import jp.tabiji.analytics.catalogue.Segment;
import jp.tabiji.analytics.catalogue.Thresholds;
import jp.tabiji.ingest.registry.OpenHours;
import jp.tabiji.ingest.registry.Site;

/**
 * What a device's visits in its period say about it, as counts (what `device_segments` keeps; never the visits):
 * the evidence each rule of docs/SEGMENTS.md reads. Whole minutes and seconds, floored: every threshold is a whole
 * number of them, so flooring decides no comparison differently from the exact milliseconds.
 *
 * @param staffDays        most days at one site with ≥ 4 h within its opening hours, at sites it was no guest of
 * @param staffWeekMinutes most minutes within opening hours at one such site in one ISO week
 * @param guest            present across 00:00–05:00 at a lodging site on some night
 * @param startWindows     two-hour windows it takes to cover every visit's start time of day
 */
public record SegmentEvidence(int days, int weekdays, int spreadDays, int sites, int staffDays, int staffWeekMinutes,
                              boolean guest, int startWindows, int longestVisitS) {
    private static final long MINUTE_MS = 60_000L;
    private static final int NIGHT_END_MIN = 5 * 60;

    /**
     * The evidence of one device's visits; {@code siteOf} gives a site's kind and hours (null: an unknown site), and
     * {@code t} the length of a staff day and of a start window.
     */
    static SegmentEvidence of(List<DeviceVisit> visits, Function<String, Site> siteOf, ZoneId zone, Thresholds t) {
        TreeSet<LocalDate> days = new TreeSet<>();
        Set<LocalDate> weekdays = new HashSet<>();
        Set<String> sites = new HashSet<>();
        Set<String> guestAt = new HashSet<>();
        BitSet startMinutes = new BitSet(24 * 60);
        long longestMs = 0;
        for (DeviceVisit v : visits) {
            days.add(v.day());
            if (v.day().getDayOfWeek() != DayOfWeek.SATURDAY && v.day().getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays.add(v.day());
            }
            sites.add(v.siteId());
            ZonedDateTime start = Instant.ofEpochMilli(v.startMs()).atZone(zone);
            startMinutes.set(start.getHour() * 60 + start.getMinute());
            longestMs = Math.max(longestMs, v.endMs() - v.startMs());
            Site site = siteOf.apply(v.siteId());
            if (site != null && site.lodging() && overnight(v, zone)) {
                guestAt.add(v.siteId());
            }
        }
        // site -> day -> minutes within opening hours, and site -> ISO week -> minutes, where it was no guest
        Map<String, Map<LocalDate, Long>> daily = new HashMap<>();
        Map<String, Map<Integer, Long>> weekly = new HashMap<>();
        for (DeviceVisit v : visits) {
            if (guestAt.contains(v.siteId())) {
                continue;
            }
            Site site = siteOf.apply(v.siteId());
            OpenHours hours = site == null ? OpenHours.DEFAULT : site.openHours();
            LocalDate last = Instant.ofEpochMilli(v.endMs()).atZone(zone).toLocalDate();
            for (LocalDate d = Instant.ofEpochMilli(v.startMs()).atZone(zone).toLocalDate(); !d.isAfter(last);
                 d = d.plusDays(1)) {
                long midnight = d.atStartOfDay(zone).toInstant().toEpochMilli();
                long open = Math.min(v.endMs(), midnight + hours.closesMin() * MINUTE_MS)
                        - Math.max(v.startMs(), midnight + hours.opensMin() * MINUTE_MS);
                if (open > 0) {
                    daily.computeIfAbsent(v.siteId(), k -> new HashMap<>()).merge(d, open, Long::sum);
                    int week = d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                    weekly.computeIfAbsent(v.siteId(), k -> new HashMap<>()).merge(week, open, Long::sum);
                }
            }
        }
        int staffDays = daily.values().stream().mapToInt(byDay -> (int) byDay.values().stream()
                .filter(ms -> ms >= t.staffDayMinutes() * MINUTE_MS).count()).max().orElse(0);
        long weekMs = weekly.values().stream().flatMap(w -> w.values().stream()).mapToLong(Long::longValue).max()
                .orElse(0);
        int spread = days.isEmpty() ? 0 : (int) (days.last().toEpochDay() - days.first().toEpochDay() + 1);
        return new SegmentEvidence(days.size(), weekdays.size(), spread, sites.size(), staffDays,
                (int) (weekMs / MINUTE_MS), !guestAt.isEmpty(), windows(startMinutes, t.windowMinutes()), (int) (longestMs / 1000));
    }

    /** The segment the rules give this evidence under a period's thresholds (null thresholds: unknown). */
    public Segment segment(Thresholds t) {
        if (t == null) {
            return Segment.UNKNOWN;
        }
        if (staffDays >= t.staffDays() || staffWeekMinutes >= t.staffWeekMinutes()) {
            return Segment.STAFF;
        }
        if (longestVisitS < t.commuterVisitMinutes() * 60 && sites <= t.commuterSites()
                && weekdays >= t.commuterWeekdays() && startWindows <= t.commuterWindows()) {
            return Segment.COMMUTER;
        }
        if (days >= t.residentDays() && spreadDays >= t.residentSpread()) {
            return Segment.RESIDENT;
        }
        return Segment.VISITOR;
    }

    /** Greedy from the earliest start: a window opens at a start not yet covered and covers the next {@code length}. */
    private static int windows(BitSet minutes, int length) {
        int windows = 0;
        for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + length + 1)) {
            windows++;
        }
        return windows;
    }

    /** The visit covers 00:00–05:00 local of some night it spans. */
    private static boolean overnight(DeviceVisit v, ZoneId zone) {
        LocalDate last = Instant.ofEpochMilli(v.endMs()).atZone(zone).toLocalDate();
        for (LocalDate d = Instant.ofEpochMilli(v.startMs()).atZone(zone).toLocalDate(); !d.isAfter(last);
             d = d.plusDays(1)) {
            long midnight = d.atStartOfDay(zone).toInstant().toEpochMilli();
            if (v.startMs() <= midnight && v.endMs() >= midnight + NIGHT_END_MIN * MINUTE_MS) {
                return true;
            }
        }
        return false;
    }
}
