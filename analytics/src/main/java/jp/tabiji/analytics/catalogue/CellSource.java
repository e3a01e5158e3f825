package jp.tabiji.analytics.catalogue;

import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/** Where exact cells come from: the period cache where it holds them current, else ClickHouse, counted live. */
final class CellSource {
    private final ClickHouseHttp clickhouse;
    private final PeriodCache cache;
    private final VisitorCells visitorCells;

    /** @param cache the period cache, or null to count every request live */
    CellSource(ClickHouseHttp clickhouse, PeriodCache cache, Sites sites) {
        this.clickhouse = clickhouse;
        this.cache = cache;
        this.visitorCells = new VisitorCells(clickhouse, sites);
    }

    /**
     * The rows of a stored query ({@link PeriodCache#storedQueries}) for a request's range; counted live for one
     * segment (the cache holds every device's cells).
     */
    List<String[]> stored(String name, MetricRequest r, String sql) {
        return computed(name, r, sql).rows();
    }

    /** As {@link #stored}, with the computation the rows come from (null when counted live). */
    StoredRows computed(String name, MetricRequest r, String sql) {
        return (cache == null || r.segment() != null ? java.util.Optional.<StoredRows>empty()
                : cache.rows(name, r.from(), r.to())).orElseGet(() -> new StoredRows(null, clickhouse.select(sql)));
    }

    /**
     * A free range of a stored query with reach rows, from the cache where it holds every day current; empty when it
     * must be counted live (and always for one segment).
     */
    java.util.Optional<FreeRanges.Rows> free(String name, MetricRequest r) {
        return cache == null || r.segment() != null ? java.util.Optional.empty() : cache.free(name, r.from(), r.to());
    }

    /** A free range's visits and dwell percentiles per place from the cache ({@link PeriodCache#dwellPercentiles}). */
    java.util.Optional<List<String[]>> dwellPercentiles(PlaceLevel level, MetricRequest r) {
        return cache == null || r.segment() != null ? java.util.Optional.empty()
                : cache.dwellPercentiles(level, r.from(), r.to());
    }

    List<String[]> live(String sql) {
        return clickhouse.select(sql);
    }

    List<String[]> visitors(MetricRequest r) {
        return (cache == null ? java.util.Optional.<List<String[]>>empty() : cache.visitors(r))
                .orElseGet(() -> visitorCells.live(r));
    }
}
