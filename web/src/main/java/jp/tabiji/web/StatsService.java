package jp.tabiji.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.query.DwellQuery;
import jp.tabiji.analytics.query.FlowQuery;
import jp.tabiji.analytics.query.RepeatQuery;
import jp.tabiji.analytics.query.ResultTable;
import jp.tabiji.analytics.query.Suppression;
import jp.tabiji.ingest.registry.Site;
import jp.tabiji.web.StatsRequest.Group;

/**
 * The numbers behind {@code /api/v1/...}: the `tabiji query` definitions with the API's filters and groupings, primary
 * and secondary k-anonymity suppression, and never a device id. Reads ClickHouse as the read-only user.
 */
public final class StatsService {
    /** The endpoints, each with the groupings it offers and its default one. */
    public enum Endpoint {
        VISITORS(EnumSet.of(Group.HOUR, Group.DAY, Group.WEEK, Group.MONTH, Group.SITE, Group.AREA, Group.LANG),
                EnumSet.of(Group.DAY)),
        LANGUAGES(EnumSet.of(Group.HOUR, Group.DAY, Group.WEEK, Group.MONTH, Group.SITE, Group.AREA, Group.LANG),
                EnumSet.of(Group.DAY, Group.LANG)),
        FLOWS(EnumSet.of(Group.LANG), EnumSet.noneOf(Group.class)),
        DWELL(EnumSet.of(Group.SITE, Group.BUCKET), EnumSet.of(Group.SITE)),
        REPEAT(EnumSet.of(Group.SITE), EnumSet.of(Group.SITE));

        final Set<Group> allowed;
        final Set<Group> dflt;

        Endpoint(Set<Group> allowed, Set<Group> dflt) {
            this.allowed = allowed;
            this.dflt = dflt;
        }
    }

    private final ClickHouseHttp clickhouse;
    private final Sites sites;
    private final int k;
    private final VisitorStats visitors;
    private final Kpis kpis;
    private final Summaries summaries;

    public StatsService(ClickHouseHttp clickhouse, Sites sites, int k) {
        this(clickhouse, sites, k, null);
    }

    /** @param summaries per-period answers (see {@link Summaries}), or null to count every request live */
    public StatsService(ClickHouseHttp clickhouse, Sites sites, int k, Summaries summaries) {
        this.clickhouse = clickhouse;
        this.sites = sites;
        this.k = k;
        this.visitors = new VisitorStats(clickhouse, sites, k, summaries);
        this.summaries = summaries;
        this.kpis = new Kpis(clickhouse, sites, k, summaries);
    }

    /** Visitors, foreign share, median dwell and repeat rate over the request's range and place. */
    public Map<String, Object> kpis(Map<String, List<String>> query) {
        StatsRequest r = StatsRequest.parse(query, sites, EnumSet.noneOf(Group.class), EnumSet.noneOf(Group.class));
        if (r.lang() != null) {
            throw ApiException.badRequest("the key figures are not broken down by language; leave lang out");
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("from", r.from().toString());
        out.put("to", r.to().toString());
        out.putAll(kpis.run(r));
        out.put("k", k);
        return out;
    }

    public Sites sites() {
        return sites;
    }

    public int k() {
        return k;
    }

    public StatsRequest parse(Endpoint endpoint, Map<String, List<String>> query) {
        return StatsRequest.parse(query, sites, endpoint.allowed, endpoint.dflt);
    }

    public ResultTable run(Endpoint endpoint, StatsRequest r) {
        return switch (endpoint) {
            case VISITORS -> visitors.run(r);
            case LANGUAGES -> visitors.run(withLang(r));
            case FLOWS -> flows(r);
            case DWELL -> dwell(r);
            case REPEAT -> repeat(r);
        };
    }

    private static StatsRequest withLang(StatsRequest r) {
        Set<Group> groups = EnumSet.copyOf(r.groupBy());
        groups.add(Group.LANG);
        return new StatsRequest(r.from(), r.to(), r.site(), r.area(), r.lang(), groups);
    }

    private ResultTable flows(StatsRequest r) {
        boolean byLang = r.groupedBy(Group.LANG);
        String by = byLang || r.lang() != null ? "lang" : "";
        ResultTable t = new FlowQuery(clickhouse, k).table(rows(by.isEmpty() ? "flows" : "flows-lang", r,
                FlowQuery.sql(r.from(), r.to(), by)), by);
        Predicate<List<Object>> place = row -> touches(r, (String) row.get(0)) || touches(r, (String) row.get(1));
        t = keep(t, row -> place.test(row) && (r.lang() == null || r.lang().equals(row.get(2))));
        if (byLang) {
            t = Suppression.complementary(t, List.of("origin_site_id", "destination_site_id"), "travellers", "trips");
        } else if (r.lang() != null) {
            t = dropColumn(t, "lang");
        }
        return suppressedLast(t, "trips");
    }

    private ResultTable dwell(StatsRequest r) {
        requireNoLang(r, "dwell");
        if (r.groupedBy(Group.BUCKET)) {
            ResultTable t = keep(new DwellQuery(clickhouse, k).histogramTable(rows("dwell-histogram", r,
                    DwellQuery.histogramSql(r.from(), r.to()))), row -> touches(r, (String) row.get(0)));
            // the buckets of a site add up to its visits, which /dwell shows
            return Suppression.complementary(t, List.of("site_id"), "visits");
        }
        return keep(new DwellQuery(clickhouse, k).table(rows("dwell", r, DwellQuery.sql(r.from(), r.to()))),
                row -> touches(r, (String) row.get(0)));
    }

    private ResultTable repeat(StatsRequest r) {
        requireNoLang(r, "repeat");
        return keep(new RepeatQuery(clickhouse, k).table(rows("repeat", r, RepeatQuery.sql(r.from(), r.to()))),
                row -> touches(r, (String) row.get(0)));
    }

    /** A query's rows: stored for the request's period if it is one whole period and current, else counted live. */
    private List<String[]> rows(String query, StatsRequest r, String liveSql) {
        return Summaries.storedOrLive(summaries, query, r.from(), r.to(), clickhouse, liveSql);
    }

    /** The registry's sites (no counts, nothing to suppress). */
    public ResultTable sitesTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (Site s : sites.all()) {
            rows.add(List.of(s.siteId(), s.nameJa(), s.nameEn(), s.area(), s.lat(), s.lon(),
                    sites.accessPoints(s.siteId())));
        }
        return new ResultTable(List.of("site_id", "name_ja", "name_en", "area", "lat", "lon", "access_points"), rows,
                List.of(), k);
    }

    private static void requireNoLang(StatsRequest r, String endpoint) {
        if (r.lang() != null) {
            throw ApiException.badRequest(endpoint + " is not broken down by language; leave lang out");
        }
    }

    private boolean touches(StatsRequest r, String siteId) {
        if (r.site() != null) {
            return r.site().equals(siteId);
        }
        return r.area() == null || r.area().equals(sites.areaOf(siteId));
    }

    /** Rows are sorted by trips; a hidden row's place in that order would bound its value, so hidden rows go last. */
    private static ResultTable suppressedLast(ResultTable t, String column) {
        int c = t.columnIndex(column);
        List<List<Object>> rows = new ArrayList<>(t.rows().stream().filter(r -> r.get(c) != ResultTable.SUPPRESSED)
                .toList());
        t.rows().stream().filter(r -> r.get(c) == ResultTable.SUPPRESSED).forEach(rows::add);
        return new ResultTable(t.columns(), rows, t.deviceCountColumns(), t.k());
    }

    private static ResultTable keep(ResultTable t, Predicate<List<Object>> keep) {
        return new ResultTable(t.columns(), t.rows().stream().filter(keep).toList(), t.deviceCountColumns(), t.k());
    }

    private static ResultTable dropColumn(ResultTable t, String column) {
        int c = t.columnIndex(column);
        List<String> columns = new ArrayList<>(t.columns());
        columns.remove(c);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<Object> r = new ArrayList<>(row);
            r.remove(c);
            rows.add(r);
        }
        return new ResultTable(columns, rows, t.deviceCountColumns(), t.k());
    }
}
