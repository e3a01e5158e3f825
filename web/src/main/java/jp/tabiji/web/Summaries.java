package jp.tabiji.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.query.DwellQuery;
import jp.tabiji.analytics.query.FlowQuery;
import jp.tabiji.analytics.query.RepeatQuery;
import jp.tabiji.web.StatsRequest.Group;

/**
 * Visitors per closed hour, day, ISO week and month, for the region, each site and each area, by language:
 * computed once per period (migration V004) and read instead of counting a month of devices per request.
 *
 * <p>Exact and current: a period's rows are the same device-level count the live query makes (the language rule
 * applied to the period), stored with the insert time of the newest source row they saw; a request uses them only
 * if no row has arrived for the period's days since, and otherwise counts live. {@link #refresh} recomputes the
 * periods whose days changed; rows of a period become visible together, when its {@code summary_periods} row is
 * written after them.
 */
public final class Summaries {
    private record Stored(long sourceChanged, long computedMs) {
    }

    private record Plan(String span, List<LocalDate> periods, List<String> places) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private final ClickHouseHttp reader;
    private final ClickHouseHttp writer;
    private final Sites sites;

    /** @param writer a ClickHouse user that may insert (the summaries are written, the API only reads) */
    public Summaries(ClickHouseHttp reader, ClickHouseHttp writer, Sites sites) {
        this.reader = reader;
        this.writer = writer;
        this.sites = sites;
    }

    /** Recomputes every period whose source rows changed; returns how many periods it computed. */
    public synchronized int refresh() {
        long now = writer.selectLong("SELECT toUInt32(now())");
        Map<LocalDate, Long> changed = dayChanges(writer, null, null);
        Map<String, Stored> stored = stored(writer, null, null);
        Map<String, Long> current = new LinkedHashMap<>();
        changed.forEach((day, at) -> {
            for (String span : List.of("day", "week", "month")) {
                current.merge(span + "|" + periodOf(span, day), at, Math::max);
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
        return computed;
    }

    private void compute(String span, LocalDate period, long sourceChanged) {
        LocalDate end = endOf(span, period);
        long ms = System.currentTimeMillis();
        String places = "['', concat('site:', site_id), concat('area:', " + Sql.areaOf(sites) + ")]";
        String range = "day BETWEEN toDate('" + period + "') AND toDate('" + end + "')";
        writer.execute("INSERT INTO visitor_summaries (span, period, hour, place, lang, visitors, computed_ms) "
                + "SELECT '" + span + "', toDate('" + period + "'), '', place, device_lang, count(), " + ms
                + " FROM (SELECT place, device_id, argMax(lang, last_event_ms) AS device_lang FROM site_day_visitors "
                + "ARRAY JOIN " + places + " AS place WHERE " + range + " GROUP BY place, device_id) "
                + "GROUP BY place, device_lang");
        if (span.equals("day")) {
            writer.execute("INSERT INTO visitor_summaries (span, period, hour, place, lang, visitors, computed_ms) "
                    + "SELECT 'hour', toDate('" + period + "'), hour, place, device_lang, count(), " + ms
                    + " FROM (SELECT hour, place, device_id, argMax(lang, last_event_ms) AS device_lang FROM "
                    + "site_hour_visitors ARRAY JOIN " + places + " AS place WHERE " + range
                    + " GROUP BY hour, place, device_id) GROUP BY hour, place, device_lang");
        }
        for (Map.Entry<String, String> q : periodQueries(period, end).entrySet()) {
            storeAnswer(q.getKey(), span, period, writer.select(q.getValue()), ms);
        }
        writer.execute("INSERT INTO summary_periods (span, period, source_changed, computed_ms) VALUES ('" + span
                + "', toDate('" + period + "'), " + sourceChanged + ", " + ms + ")");
    }

    /** The queries whose rows are stored per period, by name. */
    static Map<String, String> periodQueries(LocalDate from, LocalDate to) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("flows", FlowQuery.sql(from, to, ""));
        q.put("flows-lang", FlowQuery.sql(from, to, "lang"));
        q.put("dwell", DwellQuery.sql(from, to));
        q.put("dwell-histogram", DwellQuery.histogramSql(from, to));
        q.put("repeat", RepeatQuery.sql(from, to));
        q.putAll(Kpis.queries("day BETWEEN toDate('" + from + "') AND toDate('" + to + "')"));
        return q;
    }

    private void storeAnswer(String query, String span, LocalDate period, List<String[]> rows, long ms) {
        for (int start = 0; start < rows.size(); start += 5_000) {
            StringBuilder values = new StringBuilder();
            for (int i = start; i < Math.min(rows.size(), start + 5_000); i++) {
                values.append(i == start ? "" : ", ").append("('").append(query).append("', '").append(span)
                        .append("', toDate('").append(period).append("'), ").append(i).append(", ")
                        .append(Sql.literal(json(rows.get(i)))).append(", ").append(ms).append(')');
            }
            writer.execute("INSERT INTO period_answers (query, span, period, row, cells, computed_ms) VALUES "
                    + values);
        }
    }

    /**
     * The stored rows of one of {@link #periodQueries} if {@code from..to} is exactly one day, ISO week or month and
     * they are current; empty otherwise (count live).
     */
    Optional<List<String[]>> periodRows(String query, LocalDate from, LocalDate to) {
        String span = wholePeriod(from, to);
        if (span == null) {
            return Optional.empty();
        }
        long source = dayChanges(reader, from, to).values().stream().mapToLong(Long::longValue).max().orElse(0);
        Stored s = stored(reader, from, from).get(span + "|" + from);
        if (s == null || s.sourceChanged() != source) {
            return Optional.empty();
        }
        List<String[]> rows = new ArrayList<>();
        for (String[] r : reader.select("SELECT cells FROM period_answers WHERE query = " + Sql.literal(query)
                + " AND span = '" + span + "' AND period = toDate('" + from + "') AND computed_ms = "
                + s.computedMs() + " ORDER BY row")) {
            rows.add(cells(r[0]));
        }
        return Optional.of(rows);
    }

    /** {@code summaries}' stored rows for the range if it has them current, else {@code sql} run on {@code live}. */
    static List<String[]> storedOrLive(Summaries summaries, String query, LocalDate from, LocalDate to,
                                       ClickHouseHttp live, String sql) {
        return (summaries == null ? Optional.<List<String[]>>empty() : summaries.periodRows(query, from, to))
                .orElseGet(() -> live.select(sql));
    }

    private static String json(String[] cells) {
        try {
            return JSON.writeValueAsString(cells);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] cells(String json) {
        try {
            return JSON.readValue(json, String[].class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The live query's rows ({@code keys..., [lang,] visitors}) from the summaries, if the request can be answered
     * from whole periods and every one of them is current; empty otherwise.
     */
    Optional<List<String[]>> answer(StatsRequest r, List<String> keyColumns) {
        Optional<Plan> plan = plan(r);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        Plan p = plan.get();
        // hour rows belong to their day's computation
        String validity = p.span().equals("hour") ? "day" : p.span();
        LocalDate first = p.periods().get(0);
        LocalDate last = p.periods().get(p.periods().size() - 1);
        Map<LocalDate, Long> changed = dayChanges(reader, first, endOf(validity, last));
        Map<String, Stored> stored = stored(reader, first, last);
        List<String> current = new ArrayList<>();
        for (LocalDate period : p.periods()) {
            long source = 0;
            for (Map.Entry<LocalDate, Long> c : changed.entrySet()) {
                if (periodOf(validity, c.getKey()).equals(period)) {
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
        boolean byLang = r.groupedBy(Group.LANG);
        List<String> keys = new ArrayList<>();
        for (String column : keyColumns) {
            keys.add(switch (column) {
                case "site_id", "area" -> "substring(place, 6)";
                case "hour" -> "hour";
                case "month" -> "substring(toString(period), 1, 7)";
                default -> "toString(period)";
            } + " AS " + column + "_key");
        }
        List<String> names = keyColumns.stream().map(c -> c + "_key").toList();
        if (byLang) {
            names = new ArrayList<>(names);
            names.add("lang");
        }
        String group = String.join(", ", names);
        if (current.isEmpty()) { // no data in the range: what the live query answers then
            return Optional.of(group.isEmpty() ? List.<String[]>of(new String[] {"0"}) : List.of());
        }
        String sql = "SELECT " + String.join("", keys.stream().map(k -> k + ", ").toList()) + (byLang ? "lang, " : "")
                + "sum(visitors) FROM visitor_summaries WHERE span = '" + p.span() + "' AND period BETWEEN toDate('"
                + first + "') AND toDate('" + last + "') AND has(" + Sql.list(p.places()) + ", place)"
                + (r.lang() == null ? "" : " AND lang = " + Sql.literal(r.lang()))
                + " AND (period, computed_ms) IN (" + String.join(", ", current) + ")"
                + (group.isEmpty() ? "" : " GROUP BY " + group + " ORDER BY " + group);
        return Optional.of(reader.select(sql));
    }

    private Optional<Plan> plan(StatsRequest r) {
        Group time = r.groupBy().stream().filter(g -> g == Group.HOUR || g == Group.DAY || g == Group.WEEK
                || g == Group.MONTH).findFirst().orElse(null);
        String span;
        LocalDate from = r.from();
        LocalDate to = r.to();
        if (time == null) {
            span = wholePeriod(from, to); // range-wide rows: only for a range that is exactly one period
            if (span == null) {
                return Optional.empty();
            }
        } else {
            span = time.name().toLowerCase(java.util.Locale.ROOT);
        }
        String validity = span.equals("hour") ? "day" : span;
        if (!periodOf(validity, from).equals(from) || !endOf(validity, periodOf(validity, to)).equals(to)) {
            return Optional.empty(); // a week or month cut by the range: count live
        }
        List<String> places = new ArrayList<>();
        if (r.groupedBy(Group.SITE)) {
            sites.all().stream().filter(s -> (r.site() == null || s.siteId().equals(r.site()))
                    && (r.area() == null || s.area().equals(r.area()))).forEach(s -> places.add("site:" + s.siteId()));
        } else if (r.groupedBy(Group.AREA)) {
            if (r.site() != null) {
                return Optional.empty();
            }
            sites.areas().stream().filter(a -> r.area() == null || a.equals(r.area())).forEach(a -> places.add("area:" + a));
        } else {
            places.add(r.site() != null ? "site:" + r.site() : r.area() != null ? "area:" + r.area() : "");
        }
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate p = from; !p.isAfter(to); p = endOf(validity, p).plusDays(1)) {
            periods.add(p);
        }
        return Optional.of(new Plan(span, periods, places));
    }

    /** "day", "week" or "month" if {@code from..to} is exactly one such period, else null. */
    private static String wholePeriod(LocalDate from, LocalDate to) {
        for (String span : List.of("day", "week", "month")) {
            if (periodOf(span, from).equals(from) && endOf(span, from).equals(to)) {
                return span;
            }
        }
        return null;
    }

    private static LocalDate periodOf(String span, LocalDate day) {
        return switch (span) {
            case "day" -> day;
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate endOf(String span, LocalDate period) {
        return switch (span) {
            case "day" -> period;
            case "week" -> period.plusDays(6);
            default -> period.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    private static Map<LocalDate, Long> dayChanges(ClickHouseHttp ch, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> out = new HashMap<>();
        String where = from == null ? "" : " WHERE day BETWEEN toDate('" + from + "') AND toDate('" + to + "')";
        for (String[] r : ch.select("SELECT toString(day), max(changed) FROM day_changes" + where + " GROUP BY day")) {
            out.put(LocalDate.parse(r[0]), Long.parseLong(r[1]));
        }
        return out;
    }

    private static Map<String, Stored> stored(ClickHouseHttp ch, LocalDate from, LocalDate to) {
        Map<String, Stored> out = new HashMap<>();
        String where = from == null ? "" : " WHERE period BETWEEN toDate('" + from + "') AND toDate('" + to + "')";
        for (String[] r : ch.select("SELECT span, toString(period), argMax(source_changed, computed_ms), "
                + "max(computed_ms) FROM summary_periods" + where + " GROUP BY span, period")) {
            out.put(r[0] + "|" + r[1], new Stored(Long.parseLong(r[2]), Long.parseLong(r[3])));
        }
        return out;
    }
}
