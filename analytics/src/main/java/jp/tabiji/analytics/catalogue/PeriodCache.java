package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;

/**
 * The catalogue's cache of exact cells per lattice period (whole days, ISO weeks and months; hours with their day):
 * computed once by {@link #refresh}, read instead of counting a month of devices per request. It holds exactly
 * what the live queries return (counts and contributor hash sums, before any release), so an answer from it and
 * one counted live are the same.
 *
 * <p>Current or not used: a period's rows carry the insert time of the newest source row they saw, and are used
 * only while no row has arrived for the period's days since; rows of a period become visible together, when its
 * {@code cell_periods} row is written after them.
 */
public final class PeriodCache {
    /** About 200 MB of kept rows at most (a month of flows by language, day by day, is 250,000 at 10M visits). */
    private static final long KEPT_ROWS = 500_000;
    private record Stored(long sourceChanged, long computedMs) {
    }

    private final ClickHouseHttp reader;
    private final ClickHouseHttp writer;
    private final Sites sites;
    /**
     * The rows read last, by what alone decides them: stored rows by query, span, period and computation; visitor
     * cells and free ranges by their SQL, which names the computations it reads.
     */
    private final KeptRows kept = new KeptRows(KEPT_ROWS);
    private final FreeRanges freeRanges;

    /** @param writer a ClickHouse user that may insert (the cache is written, the API only reads) */
    public PeriodCache(ClickHouseHttp reader, ClickHouseHttp writer, Sites sites) {
        this.reader = reader;
        this.writer = writer;
        this.sites = sites;
        this.freeRanges = new FreeRanges(reader, kept);
    }

    /** The queries whose rows are stored per period, by name (the catalogue asks for them by these names). */
    Map<String, String> storedQueries(LocalDate from, LocalDate to) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("flows", FlowCells.sql(from, to, false, false, null));
        q.put("flows-lang", FlowCells.sql(from, to, true, false, null));
        for (PlaceLevel level : PlaceLevel.values()) {
            String place = Sql.place(level, sites);
            q.put("dwell-buckets:" + level, DwellCells.bucketsSql(from, to, place, false, null));
            q.put("dwell:" + level, DwellCells.statsSql(from, to, place, null));
            q.put("repeat:" + level, RepeatCells.sql(from, to, place, null));
        }
        return q;
    }

    /** Recomputes every period whose source rows changed; returns how many periods it computed. */
    public synchronized int refresh() {
        long now = writer.selectLong("SELECT toUInt32(now())");
        Map<LocalDate, Long> changed = dayChanges(writer);
        Map<String, Stored> stored = stored(writer);
        Map<String, Long> current = new LinkedHashMap<>();
        changed.forEach((day, at) -> {
            for (String span : Periods.SPANS) {
                current.merge(span + "|" + Periods.start(span, day), at, Math::max);
            }
        });
        int computed = 0;
        for (Map.Entry<String, Long> e : current.entrySet()) {
            Stored s = stored.get(e.getKey());
            // a row arriving within the same second as the computation could go unseen: wait for the next round
            if ((s == null || s.sourceChanged() != e.getValue()) && e.getValue() < now - 1) {
                String[] key = e.getKey().split("\\|");
                compute(key[0], LocalDate.parse(key[1]), e.getValue());
                computed++;
            }
        }
        Map<YearMonth, TreeMap<LocalDate, Long>> staleReach = new TreeMap<>();
        FreeRanges.reachSources(changed).forEach((day, source) -> {
            Stored s = stored.get("reach|" + day);
            if ((s == null || s.sourceChanged() != source) && source < now - 1) {
                staleReach.computeIfAbsent(YearMonth.from(day), m -> new TreeMap<>()).put(day, source);
            }
        });
        for (TreeMap<LocalDate, Long> days : staleReach.values()) {
            computeReach(days);
            computed += days.size();
        }
        return computed;
    }

    /**
     * The reach rows ({@link ReachCells}) of some days of one month, one query per stored query: they depend on the
     * days before each day too, so they have a span of their own.
     */
    private void computeReach(TreeMap<LocalDate, Long> sources) {
        long ms = System.currentTimeMillis();
        Map<String, String> queries = new LinkedHashMap<>(ReachCells.sql(sources.firstKey(), sources.lastKey(), sites));
        queries.putAll(ReachCells.dwellValuesSql(sources.firstKey(), sources.lastKey(), sites));
        for (Map.Entry<String, String> q : queries.entrySet()) {
            Map<LocalDate, List<String[]>> byDay = new HashMap<>();
            for (String[] row : writer.select(q.getValue())) {
                byDay.computeIfAbsent(LocalDate.parse(row[0]), d -> new ArrayList<>())
                        .add(Arrays.copyOfRange(row, 1, row.length));
            }
            sources.keySet().forEach(day -> store(q.getKey(), "reach", day, byDay.getOrDefault(day, List.of()), ms));
        }
        List<String> periods = new ArrayList<>();
        sources.forEach((day, source) -> periods.add("('reach', toDate('" + day + "'), " + source + ", " + ms + ")"));
        writer.execute("INSERT INTO cell_periods (span, period, source_changed, computed_ms) VALUES "
                + String.join(", ", periods));
    }

    /**
     * A free range of a stored query with reach rows, from the stored days, if every day of it is current: its rows
     * day by day and its exact distinct devices per key.
     */
    Optional<FreeRanges.Rows> free(String query, LocalDate from, LocalDate to) {
        return freeRanges.rows(query, from, to);
    }

    /** A free range's visits, median and p90 dwell per place ({@code place, visits, median, p90}), if current. */
    Optional<List<String[]>> dwellPercentiles(PlaceLevel level, LocalDate from, LocalDate to) {
        return freeRanges.dwellPercentiles(level, from, to);
    }

    private void compute(String span, LocalDate period, long sourceChanged) {
        LocalDate end = Periods.end(span, period);
        long ms = System.currentTimeMillis();
        String places = "['', concat('site:', site_id), concat('area:', " + Sql.areaOf(sites) + ")]";
        String range = Sql.days(period, end);
        String columns = "INSERT INTO visitor_cells (span, period, hour, place, lang, visitors, hash_sum, "
                + "random_visitors, random_hash_sum, computed_ms) ";
        String counts = "count(), sum(" + Sql.hash("device_id") + "), countIf(private = 1), sum(if(private = 1, "
                + Sql.hash("device_id") + ", toUInt64(0))), " + ms;
        writer.execute(columns + "SELECT '" + span + "', toDate('" + period + "'), '', place, device_lang, " + counts
                + " FROM (SELECT place, device_id, " + Sql.LATEST_LANG + " AS device_lang, max(random_mac) AS "
                + "private FROM site_day_visitors "
                + "ARRAY JOIN " + places + " AS place WHERE " + range + " GROUP BY place, device_id) "
                + "GROUP BY place, device_lang");
        if (span.equals("day")) {
            writer.execute(columns + "SELECT 'hour', toDate('" + period + "'), hour, place, device_lang, " + counts
                    + " FROM (SELECT hour, place, device_id, " + Sql.LATEST_LANG + " AS device_lang, max(random_mac) "
                    + "AS private FROM "
                    + "site_hour_visitors ARRAY JOIN " + places + " AS place WHERE " + range
                    + " GROUP BY hour, place, device_id) GROUP BY hour, place, device_lang");
        }
        for (Map.Entry<String, String> q : storedQueries(period, end).entrySet()) {
            store(q.getKey(), span, period, writer.select(q.getValue()), ms);
        }
        writer.execute("INSERT INTO cell_periods (span, period, source_changed, computed_ms) VALUES ('" + span
                + "', toDate('" + period + "'), " + sourceChanged + ", " + ms + ")");
    }

    private void store(String query, String span, LocalDate period, List<String[]> rows, long ms) {
        for (int start = 0; start < rows.size(); start += 5_000) {
            StringBuilder values = new StringBuilder();
            for (int i = start; i < Math.min(rows.size(), start + 5_000); i++) {
                values.append(i == start ? "" : ", ").append("('").append(query).append("', '").append(span)
                        .append("', toDate('").append(period).append("'), ").append(i).append(", ")
                        .append(Sql.literal(ClickHouseHttp.tsvRow(rows.get(i)))).append(", ").append(ms).append(')');
            }
            writer.execute("INSERT INTO period_cells (query, span, period, row, cells, computed_ms) VALUES " + values);
        }
    }

    /**
     * The stored rows of one of {@link #storedQueries} if {@code from..to} is one lattice period and they are current.
     * One query says whether they are; the rows of a computation never change, so the most recently read ones are
     * kept in memory by computation (a month of flows by language is 11,000 rows, half the request's time to read).
     */
    Optional<StoredRows> rows(String query, LocalDate from, LocalDate to) {
        String span = Periods.lattice(from, to);
        if (span == null) {
            return Optional.empty();
        }
        String[] current = reader.select("SELECT (SELECT max(changed) FROM day_changes WHERE " + Sql.days(from, to)
                + "), argMax(source_changed, (computed_ms, source_changed)), max(computed_ms), count() FROM cell_periods WHERE span = '"
                + span + "' AND period = toDate('" + from + "')").get(0);
        if (current[3].equals("0") || !current[0].equals(current[1])) {
            return Optional.empty();
        }
        String key = query + "|" + span + "|" + from + "|" + current[2];
        return Optional.of(new StoredRows(key, kept.of(key, () -> reader.selectStoredRows("SELECT cells FROM period_cells "
                + "WHERE query = " + Sql.literal(query) + " AND span = '" + span + "' AND period = toDate('" + from
                + "') AND computed_ms = " + current[2] + " ORDER BY row"))));
    }

    /**
     * The visitor cells of a request ({@code keys..., [lang,] visitors, hashSum, private, privateHashSum}, as
     * {@link VisitorCells} counts them live) if it can be answered from whole periods that are all current; empty
     * otherwise.
     */
    Optional<List<String[]>> visitors(MetricRequest r) {
        String span = r.timeUnit().map(Grouping::label).orElse(Periods.lattice(r.from(), r.to()));
        if (span == null || r.groupedBy(Grouping.AREA) && r.site() != null || r.segment() != null) {
            return Optional.empty();
        }
        String validity = span.equals("hour") ? "day" : span; // hour rows belong to their day's computation
        if (!Periods.whole(validity, r.from(), r.to())) {
            return Optional.empty(); // a week or month cut by the range: count live
        }
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate p = r.from(); !p.isAfter(r.to()); p = Periods.end(validity, p).plusDays(1)) {
            periods.add(p);
        }
        LocalDate first = periods.get(0);
        LocalDate last = periods.get(periods.size() - 1);
        Map<LocalDate, Long> changed = new HashMap<>();
        Map<String, Stored> stored = new HashMap<>();
        // one query for both (a key-figures request asks four metrics, each as many times as it reads visitors)
        for (String[] row : reader.select("SELECT 'source', toString(day), toUInt64(max(changed)), toUInt64(0) FROM "
                + "day_changes WHERE " + Sql.days(first, Periods.end(validity, last)) + " GROUP BY day UNION ALL "
                + "SELECT span, toString(period), toUInt64(argMax(source_changed, (computed_ms, source_changed))), max(computed_ms) FROM "
                + "cell_periods WHERE span = '" + validity + "' AND period BETWEEN toDate('" + first + "') AND toDate('"
                + last + "') GROUP BY span, period")) {
            if (row[0].equals("source")) {
                changed.put(LocalDate.parse(row[1]), Long.parseLong(row[2]));
            } else {
                stored.put(row[0] + "|" + row[1], new Stored(Long.parseLong(row[2]), Long.parseLong(row[3])));
            }
        }
        List<String> current = new ArrayList<>();
        for (LocalDate period : periods) {
            long source = 0;
            for (Map.Entry<LocalDate, Long> c : changed.entrySet()) {
                if (Periods.start(validity, c.getKey()).equals(period)) {
                    source = Math.max(source, c.getValue());
                }
            }
            Stored s = stored.get(validity + "|" + period);
            if (source == 0 && s == null) {
                continue; // no data, nothing computed: no rows
            }
            if (s == null || s.sourceChanged() != source) {
                return Optional.empty(); // new rows since: count live
            }
            current.add("(toDate('" + period + "'), " + s.computedMs() + ")");
        }
        List<String> keys = new ArrayList<>();
        for (String column : VisitorCells.keyColumns(r)) {
            keys.add(switch (column) {
                case "site_id", "area" -> "substring(place, 6)";
                case "hour" -> "hour";
                case "month" -> "substring(toString(period), 1, 7)";
                default -> "toString(period)";
            } + " AS " + column + "_key");
        }
        List<String> names = new ArrayList<>(VisitorCells.keyColumns(r).stream().map(c -> c + "_key").toList());
        if (r.groupedBy(Grouping.LANG)) {
            names.add("lang");
        }
        String group = String.join(", ", names);
        if (current.isEmpty()) { // no data in the range: what the live query answers then
            return Optional.of(group.isEmpty() ? List.<String[]>of(new String[] {"0", "0", "0", "0"}) : List.of());
        }
        String sql = "SELECT " + String.join("", keys.stream().map(k -> k + ", ").toList())
                + (r.groupedBy(Grouping.LANG) ? "lang, " : "") + "sum(visitors), sum(hash_sum), sum(random_visitors), "
                + "sum(random_hash_sum) FROM visitor_cells "
                + "WHERE span = '" + span + "' AND period BETWEEN toDate('" + first + "') AND toDate('" + last
                + "') AND has(" + Sql.list(places(r)) + ", place)"
                + (r.lang() == null ? "" : " AND lang = " + Sql.literal(r.lang()))
                + " AND (period, computed_ms) IN (" + String.join(", ", current) + ")"
                + (group.isEmpty() ? "" : " GROUP BY " + group + " ORDER BY " + group);
        // the query names the computations it reads, so its answer never changes: keep it
        return Optional.of(kept.of(sql, () -> reader.select(sql)));
    }

    /** Whether the cache answers this visitors request itself (whole, current periods), for tests and benchmarks. */
    public boolean answers(MetricRequest r) {
        return visitors(r).isPresent();
    }

    /** Whether the cache holds a stored query's rows for a range, current. */
    public boolean holds(String query, LocalDate from, LocalDate to) {
        return rows(query, from, to).isPresent();
    }

    /**
     * A free range's exact distinct devices per key ({@code keys..., devices, hashSum}) of a query with reach rows,
     * if every day of it is current; for tests.
     */
    public Optional<List<String[]>> devicesOver(String query, LocalDate from, LocalDate to) {
        return free(query, from, to).map(FreeRanges.Rows::devices);
    }

    /** A free range's visits, median and p90 dwell per site ({@code site, visits, median, p90}) if current; tests. */
    public Optional<List<String[]>> dwellOverSites(LocalDate from, LocalDate to) {
        return dwellPercentiles(PlaceLevel.SITE, from, to);
    }

    /** The stored queries whose free ranges the cache answers. */
    public static List<String> freeRangeQueryNames() {
        return List.copyOf(ReachCells.keyCounts().keySet());
    }

    /** The names of the stored queries. */
    public List<String> storedQueryNames() {
        return List.copyOf(storedQueries(LocalDate.EPOCH, LocalDate.EPOCH).keySet());
    }

    private List<String> places(MetricRequest r) {
        List<String> places = new ArrayList<>();
        if (r.groupedBy(Grouping.SITE)) {
            sites.all().stream().filter(s -> (r.site() == null || s.siteId().equals(r.site()))
                    && (r.area() == null || s.area().equals(r.area()))).forEach(s -> places.add("site:" + s.siteId()));
        } else if (r.groupedBy(Grouping.AREA)) {
            sites.areas().stream().filter(a -> r.area() == null || a.equals(r.area())).forEach(a -> places.add("area:" + a));
        } else {
            places.add(r.site() != null ? "site:" + r.site() : r.area() != null ? "area:" + r.area() : "");
        }
        return places;
    }

    private static Map<LocalDate, Long> dayChanges(ClickHouseHttp ch) {
        Map<LocalDate, Long> out = new HashMap<>();
        for (String[] r : ch.select("SELECT toString(day), max(changed) FROM day_changes GROUP BY day")) {
            out.put(LocalDate.parse(r[0]), Long.parseLong(r[1]));
        }
        return out;
    }

    private static Map<String, Stored> stored(ClickHouseHttp ch) {
        Map<String, Stored> out = new HashMap<>();
        for (String[] r : ch.select("SELECT span, toString(period), argMax(source_changed, (computed_ms, source_changed)), "
                + "max(computed_ms) FROM cell_periods GROUP BY span, period")) {
            out.put(r[0] + "|" + r[1], new Stored(Long.parseLong(r[2]), Long.parseLong(r[3])));
        }
        return out;
    }
}
