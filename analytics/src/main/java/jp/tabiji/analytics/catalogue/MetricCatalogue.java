package jp.tabiji.analytics.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.analytics.release.Release;
import jp.tabiji.ingest.registry.Site;

/**
 * The single home of every number a user sees: each metric takes one typed request and returns a finished table
 * with its release applied. The API, the dashboard, the exports and reports ask a catalogue with the cell-key
 * release; `tabiji query` one with the exact release. Hotspot health (exact, for operations) is
 * {@link jp.tabiji.analytics.hotspots.HotspotBoard}.
 */
public final class MetricCatalogue {
    private final Sites sites;
    private final Release release;
    private final VisitorMetric visitors;
    private final FlowMetric flows;
    private final DwellMetric dwell;
    private final RepeatMetric repeat;
    private final SegmentPeriod segmentPeriod;
    private final Clock clock;
    private final IngestCoverage coverage;
    private final VisitorEstimates estimates;
    private final EventCalendar events;
    private final EventImpact impact;

    /** Monthly pseudonyms (DESIGN.md's default), today by the system clock in Japan. */
    public MetricCatalogue(ClickHouseHttp clickhouse, Sites sites, Release release, PeriodCache cache) {
        this(clickhouse, sites, release, cache, SegmentPeriod.MONTH, Clock.system(ZoneId.of("Asia/Tokyo")));
    }

    /**
     * @param cache         the period cache, or null to count every request live
     * @param segmentPeriod the pseudonym period, which decides the segments there are and when they are final
     * @param clock         today's date in the region (its zone), which says which periods have closed
     */
    public MetricCatalogue(ClickHouseHttp clickhouse, Sites sites, Release release, PeriodCache cache,
                           SegmentPeriod segmentPeriod, Clock clock) {
        this.sites = sites;
        this.release = release;
        this.segmentPeriod = segmentPeriod;
        this.clock = clock;
        this.coverage = new IngestCoverage(clickhouse, clock);
        CellSource cells = new CellSource(clickhouse, cache, sites);
        this.visitors = new VisitorMetric(cells, release);
        this.flows = new FlowMetric(cells, sites, release);
        this.dwell = new DwellMetric(cells, sites, release);
        this.repeat = new RepeatMetric(cells, sites, release);
        this.estimates = new VisitorEstimates(this, new ReferenceCounts(clickhouse));
        this.events = new EventCalendar(clickhouse);
        this.impact = new EventImpact(this, events, new VisitorBaseline(jp.tabiji.ingest.registry.HolidayCalendar.japan()));
    }

    /** The events marked on sites and days. */
    public List<EventCalendar.Event> events() {
        return events.all();
    }

    /**
     * An event's visitors per site and day beside what the weeks before it lead to expect (the same weekdays, holidays
     * as Sundays, other events left out), the uplift with its 95 % interval, and a total row per site.
     */
    public java.util.Optional<ResultTable> eventImpact(String name) {
        return events.byName(name).map(e -> RequestLimits.bounded(() -> impact.impact(e)));
    }

    /**
     * Where an event's visitors went next: the published trips leaving its sites on its days per destination, beside
     * the same kinds of day in the six weeks before (other events left out), and each destination's share.
     */
    public java.util.Optional<ResultTable> eventDestinations(String name) {
        return events.byName(name).map(e -> RequestLimits.bounded(() -> impact.destinations(e)));
    }

    /** The 14 days from {@code start} as the usual days of the six weeks before it lead to expect. */
    public ResultTable forecast(String site, LocalDate start) {
        requireSite(site);
        return RequestLimits.bounded(() -> impact.forecast(site, start));
    }

    public Sites sites() {
        return sites;
    }

    public Release release() {
        return release;
    }

    /** The days with ingested events, and what the dashboard opens on (read at most every 30 s). */
    public Coverage coverage() {
        return coverage.read();
    }

    /**
     * One metric's table. A request the metric cannot answer (a grouping it does not offer, a distinct count over a
     * free range under the cell-key release) throws IllegalArgumentException saying why.
     */
    public ResultTable run(Metric metric, MetricRequest r) {
        for (Grouping g : r.groupBy()) {
            if (!metric.offered().contains(g)) {
                throw new IllegalArgumentException("groupBy " + g.label() + " is not offered by " + metric.label());
            }
        }
        RequestLimits.check(r);
        boolean provisional = (r.segment() != null || r.groupedBy(Grouping.SEGMENT))
                && !segmentPeriod.closed(r.to(), LocalDate.now(clock));
        if (r.groupedBy(Grouping.SEGMENT)) {
            return new SegmentRows(this, segmentPeriod.segments()).run(metric, r).withProvisional(provisional);
        }
        return RequestLimits.bounded(() -> answer(metric, withSegment(r))).withProvisional(provisional);
    }

    public SegmentPeriod segmentPeriod() {
        return segmentPeriod;
    }

    /** The segments a request may name; under daily pseudonyms every device is unknown, which filters nothing. */
    private MetricRequest withSegment(MetricRequest r) {
        if (r.segment() == null) {
            return r;
        }
        if (!segmentPeriod.segments().contains(r.segment())) {
            throw new IllegalArgumentException(segmentPeriod == SegmentPeriod.DAY
                    ? "with daily pseudonyms a device has one day of history, too little to tell visitors, commuters, "
                    + "staff and residents apart: every device is unknown"
                    : "segment must be one of visitor, commuter, staff, resident");
        }
        return r.segment() == Segment.UNKNOWN ? r.withSegment(null) : r;
    }

    private ResultTable answer(Metric metric, MetricRequest r) {
        return switch (metric) {
            case VISITORS -> visitors.run(r);
            case LANGUAGES -> visitors.run(withLang(r));
            case FLOWS -> flows.run(r);
            case DWELL -> dwell.run(r);
            case REPEAT -> repeat.run(r);
        };
    }

    /**
     * Estimated total visitors of a site per day from its released visitor cells and the capture rate its reference
     * counts give; the table's rows carry the observed devices alone when the site has too few reference days.
     *
     * @return the rows and the capture rate (empty: not calibrated)
     */
    public Map.Entry<ResultTable, java.util.Optional<CaptureRate>> estimates(String site, Segment segment,
                                                                              LocalDate from, LocalDate to) {
        requireSite(site);
        MetricRequest r = new MetricRequest(from, to, site, null, null, Set.of(Grouping.DAY)).withSegment(segment);
        RequestLimits.check(r);
        Segment checked = withSegment(r).segment(); // one the pseudonym period has; unknown is everyone
        VisitorEstimates.Answer a = RequestLimits.bounded(() -> estimates.run(site, checked, from, to));
        return Map.entry(a.rows(), a.rate());
    }

    /** A site's released visitor cells by day (a Long, or a hidden cell): what estimates and baselines are made of. */
    java.util.TreeMap<LocalDate, Object> siteDays(String site, LocalDate from, LocalDate to) {
        return siteDays(site, null, from, to);
    }

    /** The same, of one segment's visitors (null: all). */
    java.util.TreeMap<LocalDate, Object> siteDays(String site, Segment segment, LocalDate from, LocalDate to) {
        ResultTable t = run(Metric.VISITORS, new MetricRequest(from, to, site, null, null, Set.of(Grouping.DAY))
                .withSegment(segment));
        java.util.TreeMap<LocalDate, Object> out = new java.util.TreeMap<>();
        int day = t.columnIndex("day");
        int visitors = t.columnIndex("visitors");
        t.rows().forEach(r -> out.put(LocalDate.parse(r.get(day).toString()), r.get(visitors)));
        return out;
    }

    private void requireSite(String site) {
        if (!sites.has(site)) {
            throw new IllegalArgumentException("unknown site " + site.replaceAll("[^\\p{Alnum}_.-]", "?"));
        }
    }

    /** The capture rate of a site (empty: fewer than {@link CaptureRate#MIN_DAYS} usable reference days). */
    public java.util.Optional<CaptureRate> captureRate(String site, Segment segment) {
        return estimates.rate(site, segment);
    }

    /** The capture rate of each segment of the site's visitors that has reference counts of its own. */
    public Map<Segment, java.util.Optional<CaptureRate>> segmentCaptureRates(String site) {
        requireSite(site);
        return estimates.segmentRates(site);
    }

    /** Visitors, foreign share, median dwell and repeat rate of one place and lattice period. */
    public Map<String, Object> keyFigures(MetricRequest r) {
        return RequestLimits.bounded(() -> new KeyFigures(this).run(r));
    }

    private static MetricRequest withLang(MetricRequest r) {
        Set<Grouping> groups = r.groupBy().isEmpty() ? EnumSet.noneOf(Grouping.class) : EnumSet.copyOf(r.groupBy());
        groups.add(Grouping.LANG);
        return r.withGroups(groups);
    }

    /** The registry's sites (no counts, nothing to release). */
    public ResultTable sitesTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (Site s : sites.all()) {
            rows.add(List.of(s.siteId(), s.nameJa(), s.nameEn(), s.area(), s.lat(), s.lon(),
                    sites.accessPoints(s.siteId())));
        }
        return new ResultTable(List.of("site_id", "name_ja", "name_en", "area", "lat", "lon", "access_points"), rows,
                List.of(), release.k());
    }
}
