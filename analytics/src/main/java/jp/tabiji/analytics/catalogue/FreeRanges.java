package jp.tabiji.analytics.catalogue;

import java.time.LocalDate;
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
 * Free ranges (any days, not one lattice period) of the stored queries with reach rows, read from the period cache
 * instead of counting the range live: the stored rows of each day, and the range's exact distinct devices per key
 * summed from the days' {@link ReachCells reach rows}.
 */
final class FreeRanges {
    /**
     * @param computation what alone decides the rows (a finished table of them may be kept under it); null for none
     * @param daily   the stored rows of each day with the day after the keys: {@code keys..., day, values...}, as the
     *                query counted live per day gives them
     * @param devices the range's distinct devices per key: {@code keys..., devices, hashSum}
     */
    record Rows(String computation, List<String[]> daily, List<String[]> devices) {
    }

    private final ClickHouseHttp reader;
    private final KeptRows kept;

    FreeRanges(ClickHouseHttp reader, KeptRows kept) {
        this.reader = reader;
        this.kept = kept;
    }

    /**
     * What each day's reach rows depend on: the newest change of the day itself and of the
     * {@link ReachCells#HISTORY_DAYS} days before it, for every day that has rows.
     */
    static Map<LocalDate, Long> reachSources(Map<LocalDate, Long> changed) {
        TreeMap<LocalDate, Long> byDay = new TreeMap<>(changed);
        Map<LocalDate, Long> out = new LinkedHashMap<>();
        for (LocalDate day : byDay.keySet()) {
            long newest = 0;
            for (long at : byDay.subMap(day.minusDays(ReachCells.HISTORY_DAYS), true, day, true).values()) {
                newest = Math.max(newest, at);
            }
            out.put(day, newest);
        }
        return out;
    }

    /**
     * The computations a free range reads, if every day of it with rows has current day and reach rows: {@code
     * (toDate('day'), computed_ms)} of each such day, for the day rows and for the reach rows; empty otherwise.
     */
    private Optional<List<List<String>>> current(LocalDate from, LocalDate to) {
        if (to.toEpochDay() - from.toEpochDay() + 1 > ReachCells.HISTORY_DAYS) {
            return Optional.empty();
        }
        Map<LocalDate, Long> changed = new HashMap<>();
        Map<String, long[]> stored = new HashMap<>(); // span|day: source, computation
        for (String[] row : reader.select("SELECT 'source', toString(day), toUInt64(max(changed)), toUInt64(0) FROM "
                + "day_changes WHERE " + Sql.days(from.minusDays(ReachCells.HISTORY_DAYS), to) + " GROUP BY day "
                + "UNION ALL SELECT span, toString(period), toUInt64(argMax(source_changed, (computed_ms, "
                + "source_changed))), max(computed_ms) FROM cell_periods WHERE span IN ('day', 'reach') AND period "
                + "BETWEEN toDate('" + from + "') AND toDate('" + to + "') GROUP BY span, period")) {
            if (row[0].equals("source")) {
                changed.put(LocalDate.parse(row[1]), Long.parseLong(row[2]));
            } else {
                stored.put(row[0] + "|" + row[1], new long[] {Long.parseLong(row[2]), Long.parseLong(row[3])});
            }
        }
        Map<LocalDate, Long> reachSources = reachSources(changed);
        List<String> days = new ArrayList<>();
        List<String> reach = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!changed.containsKey(d)) {
                continue; // no rows that day
            }
            long[] day = stored.get("day|" + d);
            long[] reached = stored.get("reach|" + d);
            if (day == null || day[0] != changed.get(d) || reached == null || reached[0] != reachSources.get(d)) {
                return Optional.empty(); // new rows since: count live
            }
            days.add("(toDate('" + d + "'), " + day[1] + ")");
            reach.add("(toDate('" + d + "'), " + reached[1] + ")");
        }
        return Optional.of(List.of(days, reach));
    }

    /** The range's rows if every day of it is current; empty otherwise. */
    Optional<Rows> rows(String query, LocalDate from, LocalDate to) {
        Integer keys = ReachCells.keyCounts().get(query);
        Optional<List<List<String>>> current = keys == null ? Optional.empty() : current(from, to);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        List<String> days = current.get().get(0);
        if (days.isEmpty()) {
            return Optional.of(new Rows(null, List.of(), List.of()));
        }
        String dailySql = "SELECT toString(period), cells " + cells(query, "day", days) + " ORDER BY period, row";
        // the keys joined by tabs come back as columns of their own (TabSeparatedRaw)
        String devicesSql = "SELECT arrayStringConcat(arraySlice(c, 1, " + keys + "), '\\t') AS k, toString(sum("
                + "toUInt64(c[" + (keys + 2) + "]))), toString(sum(toUInt64(c[" + (keys + 3) + "]))) FROM (SELECT "
                + "splitByChar('\\t', cells) AS c " + cells(query, "reach", current.get().get(1))
                + ") WHERE toUInt32OrZero(c[" + (keys + 1) + "]) < " + from.toEpochDay() + " GROUP BY k ORDER BY k";
        // both statements name the computations they read, so their answers never change: keep them
        List<String[]> daily = kept.of(dailySql, () -> dayAfterKeys(reader.selectStoredRows(dailySql), keys));
        List<String[]> devices = kept.of(devicesSql, () -> reader.selectStoredRows(devicesSql));
        return Optional.of(new Rows(dailySql + "\n" + devicesSql, daily, devices));
    }

    /**
     * A free range's visits, median and p90 dwell per place ({@code place, visits, median, p90}) from the days' dwell
     * values, by DESIGN.md's nearest rank (ranks ceil(n/2) and ceil(9n/10)), if every day of it is current. Each
     * value and its visits are packed into one number (value · 2³² + visits), so one sort orders both.
     */
    Optional<List<String[]>> dwellPercentiles(PlaceLevel level, LocalDate from, LocalDate to) {
        return current(from, to).map(current -> {
            String sql = percentilesSql(level, current.get(1));
            return current.get(0).isEmpty() ? List.of() : kept.of(sql, () -> reader.selectStoredRows(sql));
        });
    }

    private static String percentilesSql(PlaceLevel level, List<String> reach) {
        String value = "toString(intDiv(packed[arrayFirstIndex(x -> x >= %s, cum)], 4294967296))";
        return "SELECT place, toString(total), " + value.formatted("intDiv(total + 1, 2)") + ", "
                + value.formatted("intDiv(9 * total + 9, 10)") + " FROM (SELECT place, packed, arrayCumSum(arrayMap("
                + "x -> x % 4294967296, packed)) AS cum, arraySum(arrayMap(x -> x % 4294967296, packed)) AS total FROM "
                + "(SELECT place, arraySort(groupArray(dwell * 4294967296 + visits)) AS packed FROM (SELECT c[1] AS "
                + "place, toUInt64(c[2]) AS dwell, sum(toUInt64(c[3])) AS visits FROM (SELECT splitByChar('\\t', "
                + "cells) AS c " + cells(ReachCells.dwellValues(level), "reach", reach) + ") GROUP BY place, dwell) "
                + "GROUP BY place)) ORDER BY place";
    }

    private static String cells(String query, String span, List<String> computations) {
        return "FROM period_cells WHERE query = " + Sql.literal(query) + " AND span = '" + span
                + "' AND (period, computed_ms) IN (" + String.join(", ", computations) + ")";
    }

    /** {@code day, keys..., values...} as {@code keys..., day, values...}. */
    private static List<String[]> dayAfterKeys(List<String[]> rows, int keys) {
        List<String[]> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            String[] moved = Arrays.copyOfRange(row, 1, row.length + 1);
            System.arraycopy(moved, keys, moved, keys + 1, row.length - 1 - keys);
            moved[keys] = row[0];
            out.add(moved);
        }
        return out;
    }
}
