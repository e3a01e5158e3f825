package jp.tabiji.ingest.simulate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.tabiji.ingest.privacy.PseudonymPeriod;

/**
 * The exact answers, from the model's own record of who went where and when each device told the portal its
 * language; it shares no code with the pipeline. A device is known to the pipeline only within one pseudonym
 * period, so a language learned in one period is not carried into the next.
 */
public final class GroundTruth {
    /** visitors of a site on a day. */
    public record SiteDay(String siteId, LocalDate day, int visitors) {
    }

    /** visitors of a site on a day under one language. */
    public record SiteDayLang(String siteId, LocalDate day, String lang, int visitors) {
    }

    /** visitors of the region on a day under one language. */
    public record DayLang(LocalDate day, String lang, int visitors) {
    }

    /** visits of a site over the whole simulated range, with median and p90 dwell (nearest rank), seconds. */
    public record Dwell(String siteId, int visits, long medianDwellS, long p90DwellS) {
    }

    /** devices with visits to a site on two or more days, and all devices that visited it. */
    public record Repeat(String siteId, int repeatVisitors, int visitors) {
    }

    /** trips from one site to another, and the distinct devices that made them; lang null when not by language. */
    public record Flow(String origin, String destination, String lang, int trips, int travellers) {
    }

    /** visitors of the region in a local hour ({@code 2026-11-03T10}) under one language. */
    public record HourLang(String hour, String lang, int visitors) {
    }

    /** visits of a site whose dwell falls in one of DESIGN.md's buckets ([0,15) [15,30) [30,60) [60,120) [120,∞) min). */
    /** A site's visitors over the whole simulation: devices as the pipeline can count them, and the people. */
    public record SitePeople(String siteId, int devices, int people) {
    }

    /**
     * A device the rules find to be no visitor, named by its first visit in its period (site and start), since the
     * pipeline's pseudonym cannot be known here; the rules' segment of it.
     */
    public record DeviceSegment(String period, String firstSiteId, long firstStartMs, String segment) {
    }

    /** Visitors of a site on a day by the segment the rules give their device (docs/SEGMENTS.md). */
    public record SiteDaySegment(String siteId, LocalDate day, String segment, int visitors) {
    }

    public record DwellBucket(String siteId, String bucket, int visits) {
    }

    private final List<HourLang> byHourLang = new ArrayList<>();
    private final List<DwellBucket> dwellBuckets = new ArrayList<>();
    private final List<SiteDay> bySiteDay = new ArrayList<>();
    private final List<DayLang> byDayLang = new ArrayList<>();
    private final List<Dwell> dwell = new ArrayList<>();
    private final List<Repeat> repeat = new ArrayList<>();
    private final List<Flow> flows = new ArrayList<>();
    private final List<Flow> flowsByLang = new ArrayList<>();
    private final List<SiteDayLang> bySiteDayLang = new ArrayList<>();
    private final List<SiteDaySegment> bySiteDaySegment = new ArrayList<>();
    private final List<SitePeople> peopleBySite = new ArrayList<>();
    /** persona → the rules' segment → (device, period)s: how well the rules find who people really are. */
    private final Map<Persona, Map<String, Integer>> confusion = new TreeMap<>();
    /** persona → the rules' segment → people: each person in each period weighs 1, shared among its devices. */
    private final Map<Persona, Map<String, Double>> personConfusion = new TreeMap<>();
    private final List<DeviceSegment> deviceSegments = new ArrayList<>();
    /** kind of site (hub, lodging, sight) → persona → the rules' segment → (device, period)s seen at such a site. */
    private final Map<String, Map<Persona, Map<String, Integer>>> confusionBySiteKind = new TreeMap<>();
    /** period → segment → devices. */
    private final Map<String, Map<String, Integer>> devicesBySegment = new TreeMap<>();

    public GroundTruth(List<PlannedVisit> visits, ZoneId zone, PseudonymPeriod period) {
        Map<Integer, List<PlannedVisit>> byDevice = new HashMap<>();
        visits.forEach(v -> byDevice.computeIfAbsent(v.device().index(), k -> new ArrayList<>()).add(v));
        // (site, day) -> device -> the visit holding its last event there that day: a visitor of S in D has an event
        // at S timestamped in D, so a guest connected overnight is a visitor of both days
        Map<String, Map<LocalDate, Map<Integer, PlannedVisit>>> last = new TreeMap<>();
        // region-wide: each device once per day, under the language at the end of the visit holding its last event
        Map<LocalDate, Map<Integer, PlannedVisit>> lastOfDay = new TreeMap<>();
        Map<String, Long> lastTs = new HashMap<>(); // site|day|device -> ts, and |day|device for the region
        for (PlannedVisit v : visits) {
            for (SimEvent e : v.events()) {
                LocalDate day = java.time.Instant.ofEpochMilli(e.ts()).atZone(zone).toLocalDate();
                int device = v.device().index();
                if (later(lastTs, v.siteId() + "|" + day + "|" + device, e.ts())) {
                    last.computeIfAbsent(v.siteId(), k -> new TreeMap<>()).computeIfAbsent(day, k -> new HashMap<>())
                            .put(device, v);
                }
                if (later(lastTs, "|" + day + "|" + device, e.ts())) {
                    lastOfDay.computeIfAbsent(day, k -> new HashMap<>()).put(device, v);
                }
            }
        }
        last.forEach((site, days) -> days.forEach((day, devices) -> {
            bySiteDay.add(new SiteDay(site, day, devices.size()));
            Map<String, Set<Integer>> langs = new TreeMap<>();
            devices.values().forEach(v -> langs.computeIfAbsent(
                    languageAtEnd(v, byDevice.get(v.device().index()), zone, period),
                    k -> new HashSet<>()).add(v.device().index()));
            langs.forEach((lang, devs) -> bySiteDayLang.add(new SiteDayLang(site, day, lang, devs.size())));
        }));
        bySiteDay.sort(Comparator.comparing(SiteDay::siteId).thenComparing(SiteDay::day));
        lastOfDay.forEach((day, devices) -> {
            Map<String, Integer> langs = new TreeMap<>();
            devices.values().forEach(v -> langs.merge(languageAtEnd(v, byDevice.get(v.device().index()), zone, period),
                    1, Integer::sum));
            langs.forEach((lang, n) -> byDayLang.add(new DayLang(day, lang, n)));
        });
        ModelVisits model = new ModelVisits(visits, zone, period);
        segments(model, last, byDevice, zone, period);
        Map<String, Set<Integer>> devicesAt = new TreeMap<>();
        Map<String, Set<Integer>> peopleAt = new TreeMap<>();
        for (PlannedVisit v : visits) {
            devicesAt.computeIfAbsent(v.siteId(), k -> new HashSet<>()).add(v.device().index());
            peopleAt.computeIfAbsent(v.siteId(), k -> new HashSet<>()).add(v.device().person());
        }
        devicesAt.forEach((site, devices) -> peopleBySite.add(new SitePeople(site, devices.size(),
                peopleAt.get(site).size())));
        hourly(model.visits(), zone);
        dwellAndRepeat(model.visits());
        flows(model.moves());
    }

    /** Whether {@code ts} is the latest seen under {@code key} (ties: the first), remembering it if so. */
    private static boolean later(Map<String, Long> lastTs, String key, long ts) {
        Long seen = lastTs.get(key);
        if (seen != null && seen >= ts) {
            return false;
        }
        lastTs.put(key, ts);
        return true;
    }

    /** The rules' segment of every (device, period), counted by persona and by site and day. */
    private void segments(ModelVisits model, Map<String, Map<LocalDate, Map<Integer, PlannedVisit>>> last,
                          Map<Integer, List<PlannedVisit>> byDevice, ZoneId zone, PseudonymPeriod period) {
        Map<String, String> segmentOf = new SegmentRules(zone, period).segments(model.visits());
        Map<String, ModelVisits.Visit> first = new HashMap<>();
        model.visits().forEach(v -> first.merge(v.device(), v, (a, b) -> a.start() <= b.start() ? a : b));
        Map<String, Set<String>> kindsOf = new HashMap<>();
        model.visits().forEach(v -> kindsOf.computeIfAbsent(v.device(), k -> new java.util.TreeSet<>()).add(siteKind(v.siteId())));
        Map<String, Integer> devicesOfPerson = new HashMap<>(); // person|period -> devices
        segmentOf.keySet().forEach(key -> devicesOfPerson.merge(personPeriod(key, byDevice), 1, Integer::sum));
        segmentOf.forEach((key, segment) -> {
            SimDevice device = byDevice.get(Integer.parseInt(key.substring(0, key.indexOf('|')))).get(0).device();
            confusion.computeIfAbsent(device.persona(), k -> new TreeMap<>()).merge(segment, 1, Integer::sum);
            kindsOf.getOrDefault(key, Set.of()).forEach(kind -> confusionBySiteKind.computeIfAbsent(kind,
                    k -> new TreeMap<>()).computeIfAbsent(device.persona(), k -> new TreeMap<>())
                    .merge(segment, 1, Integer::sum));
            personConfusion.computeIfAbsent(device.persona(), k -> new TreeMap<>()).merge(segment,
                    1.0 / devicesOfPerson.get(personPeriod(key, byDevice)), Double::sum);
            String label = key.substring(key.indexOf('|') + 1);
            devicesBySegment.computeIfAbsent(label, k -> new TreeMap<>()).merge(segment, 1, Integer::sum);
            if (!segment.equals("visitor") && !segment.equals("unknown")) {
                ModelVisits.Visit v = first.get(key);
                deviceSegments.add(new DeviceSegment(label, v.siteId(), v.start(), segment));
            }
        });
        deviceSegments.sort(Comparator.comparing(DeviceSegment::period).thenComparing(DeviceSegment::firstStartMs)
                .thenComparing(DeviceSegment::firstSiteId));
        last.forEach((site, days) -> days.forEach((day, devices) -> {
            String label = period.label(day.atStartOfDay(zone));
            Map<String, Integer> bySegment = new TreeMap<>();
            devices.keySet().forEach(d -> bySegment.merge(segmentOf.getOrDefault(d + "|" + label, "visitor"), 1,
                    Integer::sum));
            bySegment.forEach((segment, n) -> bySiteDaySegment.add(new SiteDaySegment(site, day, segment, n)));
        }));
    }

    /** The kinds of site the rules fare differently at: stations and the airport, onsen lodging, the sights. */
    static String siteKind(String siteId) {
        if (SegmentRules.LODGING.contains(siteId)) {
            return "lodging";
        }
        return MiyagiSites.SITES.stream().anyMatch(s -> s.id().equals(siteId) && s.hub()) ? "hub" : "sight";
    }

    public Map<String, Map<Persona, Map<String, Integer>>> confusionBySiteKind() {
        return confusionBySiteKind;
    }

    private static String personPeriod(String deviceKey, Map<Integer, List<PlannedVisit>> byDevice) {
        int index = Integer.parseInt(deviceKey.substring(0, deviceKey.indexOf('|')));
        return byDevice.get(index).get(0).device().person() + deviceKey.substring(deviceKey.indexOf('|'));
    }

    public Map<Persona, Map<String, Double>> personConfusion() {
        return personConfusion;
    }

    public List<DeviceSegment> deviceSegments() {
        return deviceSegments;
    }

    public Map<String, Map<String, Integer>> devicesBySegment() {
        return devicesBySegment;
    }

    public List<SitePeople> peopleBySite() {
        return peopleBySite;
    }

    public List<SiteDaySegment> visitorsBySiteDaySegment() {
        return bySiteDaySegment;
    }

    public Map<Persona, Map<String, Integer>> segmentConfusion() {
        return confusion;
    }

    /** Each device once per hour, under the language at the end of the visit holding its last event then. */
    private void hourly(List<ModelVisits.Visit> visits, ZoneId zone) {
        java.time.format.DateTimeFormatter hourFormat = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
        Map<String, Map<String, long[]>> lastInHour = new TreeMap<>(); // hour -> device -> {ts}
        Map<String, Map<String, String>> langInHour = new TreeMap<>();
        for (ModelVisits.Visit v : visits) {
            for (long t : v.eventTimes()) {
                String hour = hourFormat.format(java.time.Instant.ofEpochMilli(t).atZone(zone));
                long[] last = lastInHour.computeIfAbsent(hour, k -> new HashMap<>()).computeIfAbsent(v.device(),
                        k -> new long[] {Long.MIN_VALUE});
                if (t >= last[0]) {
                    last[0] = t;
                    langInHour.computeIfAbsent(hour, k -> new HashMap<>()).put(v.device(), v.lang());
                }
            }
        }
        langInHour.forEach((hour, devices) -> {
            Map<String, Integer> langs = new TreeMap<>();
            devices.values().forEach(l -> langs.merge(l, 1, Integer::sum));
            langs.forEach((lang, n) -> byHourLang.add(new HourLang(hour, lang, n)));
        });
    }

    public List<HourLang> visitorsByHourLang() {
        return byHourLang;
    }

    private void dwellAndRepeat(List<ModelVisits.Visit> visits) {
        Map<String, List<Long>> dwells = new TreeMap<>();
        Map<String, Map<String, Set<LocalDate>>> days = new TreeMap<>();
        for (ModelVisits.Visit v : visits) {
            dwells.computeIfAbsent(v.siteId(), k -> new ArrayList<>()).add(v.dwellSeconds());
            days.computeIfAbsent(v.siteId(), k -> new HashMap<>()).computeIfAbsent(v.device(), k -> new HashSet<>())
                    .add(v.day());
        }
        dwells.forEach((site, ds) -> {
            ds.sort(null);
            dwell.add(new Dwell(site, ds.size(), nearestRank(ds, 50), nearestRank(ds, 90)));
            Map<String, Integer> buckets = new java.util.LinkedHashMap<>();
            ds.forEach(d -> buckets.merge(bucket(d), 1, Integer::sum));
            buckets.forEach((b, n) -> dwellBuckets.add(new DwellBucket(site, b, n)));
        });
        days.forEach((site, devices) -> repeat.add(new Repeat(site,
                (int) devices.values().stream().filter(d -> d.size() >= 2).count(), devices.size())));
    }

    private static String bucket(long dwellSeconds) {
        long minutes = dwellSeconds / 60;
        return minutes < 15 ? "0-15" : minutes < 30 ? "15-30" : minutes < 60 ? "30-60" : minutes < 120 ? "60-120" : "120+";
    }

    public List<DwellBucket> dwellHistogram() {
        return dwellBuckets;
    }

    /** The p-th percentile by nearest rank: the value at rank ceil(p/100 * n) of the sorted values. */
    private static long nearestRank(List<Long> sorted, int p) {
        int rank = (p * sorted.size() + 99) / 100;
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private void flows(List<ModelVisits.Move> moves) {
        Map<String, List<ModelVisits.Move>> byRoute = new TreeMap<>();
        Map<String, List<ModelVisits.Move>> byRouteLang = new TreeMap<>();
        for (ModelVisits.Move m : moves) {
            byRoute.computeIfAbsent(m.origin() + "|" + m.destination(), k -> new ArrayList<>()).add(m);
            byRouteLang.computeIfAbsent(m.origin() + "|" + m.destination() + "|" + m.lang(), k -> new ArrayList<>())
                    .add(m);
        }
        byRoute.forEach((k, ms) -> flows.add(flow(ms, null)));
        byRouteLang.forEach((k, ms) -> flowsByLang.add(flow(ms, ms.get(0).lang())));
    }

    private static Flow flow(List<ModelVisits.Move> ms, String lang) {
        return new Flow(ms.get(0).origin(), ms.get(0).destination(), lang, ms.size(),
                (int) ms.stream().map(ModelVisits.Move::device).distinct().count());
    }

    public List<DayLang> visitorsByDayLang() {
        return byDayLang;
    }

    public List<Dwell> dwellBySite() {
        return dwell;
    }

    public List<Repeat> repeatBySite() {
        return repeat;
    }

    public List<Flow> flows() {
        return flows;
    }

    public List<Flow> flowsByLang() {
        return flowsByLang;
    }

    /** The device's language at the end of visit {@code v}: known once it reached the portal in the same period. */
    private static String languageAtEnd(PlannedVisit v, List<PlannedVisit> deviceVisits, ZoneId zone,
                                        PseudonymPeriod period) {
        String label = period.label(v.day().atStartOfDay(zone));
        for (PlannedVisit other : deviceVisits) {
            if (other.loginAt() != null && other.loginAt() <= v.depart()
                    && period.label(other.day().atStartOfDay(zone)).equals(label)) {
                return v.device().lang();
            }
        }
        return "unknown";
    }

    public List<SiteDay> visitorsBySiteDay() {
        return bySiteDay;
    }

    public List<SiteDayLang> visitorsBySiteDayLang() {
        return bySiteDayLang;
    }
}
