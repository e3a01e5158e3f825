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
 * winning, in ClickHouse's {@code reference_counts}.
 */
public final class ReferenceCounts {
    private final ClickHouseHttp clickhouse;

    public ReferenceCounts(ClickHouseHttp clickhouse) {
        this.clickhouse = clickhouse;
    }

    /** Stores counts (day → visitors) for a site from one source; a day counted before is replaced. */
    public void record(String siteId, Map<LocalDate, Long> counts, String source, Clock clock) {
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("no reference counts given");
        }
        long now = clock.millis();
        List<String> rows = new ArrayList<>();
        counts.forEach((day, visitors) -> {
            if (visitors < 0) {
                throw new IllegalArgumentException(day + ": a count is never negative");
            }
            rows.add("(" + Sql.literal(siteId) + ", toDate('" + day + "'), " + visitors + ", " + Sql.literal(source)
                    + ", " + now + ")");
        });
        clickhouse.execute("INSERT INTO reference_counts (site_id, day, visitors, source, recorded_ms) VALUES "
                + String.join(", ", rows));
    }

    /** A site's counts, day → visitors, oldest first. */
    public TreeMap<LocalDate, Long> of(String siteId) {
        TreeMap<LocalDate, Long> out = new TreeMap<>();
        for (String[] r : clickhouse.select("SELECT day, visitors FROM reference_counts FINAL WHERE site_id = "
                + Sql.literal(siteId) + " ORDER BY day")) {
            out.put(LocalDate.parse(r[0]), Long.parseLong(r[1]));
        }
        return out;
    }
}
