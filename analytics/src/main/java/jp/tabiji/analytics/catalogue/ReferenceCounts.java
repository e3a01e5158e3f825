package jp.tabiji.analytics.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * Reference counts of a site's visitors (admin-only input, never published): one per site and day, the latest entry
 * winning, in ClickHouse's {@code reference_counts}; or of one segment of them (a tourist survey counts visitors, not
 * commuters) in {@code segment_reference_counts}.
 */
public final class ReferenceCounts {
    private final ClickHouseHttp clickhouse;

    public ReferenceCounts(ClickHouseHttp clickhouse) {
        this.clickhouse = clickhouse;
    }

    /**
     * Stores counts (day → visitors) for a site, or one segment of its visitors, from one source; a day counted
     * before is replaced.
     *
     * @param segment the segment counted, or null for all the site's visitors
     */
    public void record(String siteId, Segment segment, Map<LocalDate, Long> counts, String source, Clock clock) {
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("no reference counts given");
        }
        long now = clock.millis();
        List<String> rows = new ArrayList<>();
        counts.forEach((day, visitors) -> {
            if (visitors < 0) {
                throw new IllegalArgumentException(day + ": a count is never negative");
            }
            rows.add("(" + Sql.literal(siteId) + (segment == null ? "" : ", " + Sql.literal(segment.label()))
                    + ", toDate('" + day + "'), " + visitors + ", " + Sql.literal(source) + ", " + now + ")");
        });
        clickhouse.execute("INSERT INTO " + (segment == null ? "reference_counts (site_id, "
                : "segment_reference_counts (site_id, segment, ") + "day, visitors, source, recorded_ms) VALUES "
                + String.join(", ", rows));
    }

    /** A site's counts (of all its visitors when {@code segment} is null), day → visitors, oldest first. */
    public TreeMap<LocalDate, Long> of(String siteId, Segment segment) {
        TreeMap<LocalDate, Long> out = new TreeMap<>();
        String where = "site_id = " + Sql.literal(siteId);
        for (String[] r : clickhouse.select(segment == null
                ? "SELECT day, visitors FROM reference_counts FINAL WHERE " + where + " ORDER BY day"
                : "SELECT day, visitors FROM segment_reference_counts FINAL WHERE " + where + " AND segment = "
                + Sql.literal(segment.label()) + " ORDER BY day")) {
            out.put(LocalDate.parse(r[0]), Long.parseLong(r[1]));
        }
        return out;
    }

    /** The segments the site has reference counts of. */
    public java.util.List<Segment> segmentsOf(String siteId) {
        return clickhouse.select("SELECT DISTINCT segment FROM segment_reference_counts FINAL WHERE site_id = "
                + Sql.literal(siteId) + " ORDER BY segment").stream().map(r -> Segment.parse(r[0]))
                .filter(java.util.Objects::nonNull).toList();
    }
}
