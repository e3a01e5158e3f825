package jp.tabiji.analytics.catalogue;

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

    /** @param cache the period cache, or null to count every request live */
    public MetricCatalogue(ClickHouseHttp clickhouse, Sites sites, Release release, PeriodCache cache) {
        this.sites = sites;
        this.release = release;
        CellSource cells = new CellSource(clickhouse, cache, sites);
        this.visitors = new VisitorMetric(cells, release);
        this.flows = new FlowMetric(cells, sites, release);
        this.dwell = new DwellMetric(cells, sites, release);
        this.repeat = new RepeatMetric(cells, sites, release);
    }

    public Sites sites() {
        return sites;
    }

    public Release release() {
        return release;
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
        return RequestLimits.bounded(() -> switch (metric) {
            case VISITORS -> visitors.run(r);
            case LANGUAGES -> visitors.run(withLang(r));
            case FLOWS -> flows.run(r);
            case DWELL -> dwell.run(r);
            case REPEAT -> repeat.run(r);
        });
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
