package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.query.ResultTable;

/**
 * The simulator's truth.json beside its logs, and the check that the pipeline's exact answers equal it: visitors
 * by site and day (with and without language), by day and language, by hour, dwell, its histogram, repeat
 * visitors and flows, over the simulated days.
 */
final class SimulatedTruth {
    private final JsonNode root;
    private final LocalDate from;
    private final LocalDate to;

    SimulatedTruth(Path sim, LocalDate start, int days) throws IOException {
        this.root = new ObjectMapper().readTree(sim.resolve("truth.json").toFile());
        this.from = start;
        this.to = start.plusDays(days - 1);
    }

    void assertPipelineAnswers(ClickHouseHttp ch) {
        assertThat(visitors(ch, "site,day")).isEqualTo(truth("visitorsBySiteDay", false));
        assertThat(visitors(ch, "site,day,lang")).isEqualTo(truth("visitorsBySiteDayLang", true));
        // trips belong to their departure day: a visit ending after midnight of the last day still counts
        LocalDate lastDeparture = to.plusDays(1);
        assertThat(cells(ExactQuery.run(ch, "visitors", "day,lang", from, to), 2))
                .isEqualTo(truthCells("visitorsByDayLang", List.of("day", "lang"), List.of("visitors")));
        assertThat(cells(ExactQuery.run(ch, "languages", "hour,lang", from, lastDeparture), 2))
                .isEqualTo(truthCells("visitorsByHourLang", List.of("hour", "lang"), List.of("visitors")));
        assertThat(cells(ExactQuery.run(ch, "dwell", null, from, to), 1)).isEqualTo(truthCells("dwellBySite",
                List.of("site_id"), List.of("visits", "median_dwell_s", "p90_dwell_s")));
        assertThat(cells(ExactQuery.run(ch, "dwell", "site,bucket", from, to), 2)).isEqualTo(truthCells(
                "dwellHistogram", List.of("site_id", "bucket"), List.of("visits")));
        assertThat(cells(ExactQuery.run(ch, "repeat", null, from, to), 1)).isEqualTo(truthCells("repeatBySite",
                List.of("site_id"), List.of("repeat_visitors", "visitors")));
        assertThat(cells(ExactQuery.run(ch, "flows", null, from, lastDeparture), 2)).isEqualTo(truthCells("flows",
                List.of("origin_site_id", "destination_site_id"), List.of("trips", "travellers")));
        assertThat(cells(ExactQuery.run(ch, "flows", "lang", from, lastDeparture), 3)).isEqualTo(truthCells(
                "flowsByLang", List.of("origin_site_id", "destination_site_id", "lang"), List.of("trips", "travellers")));
    }

    /**
     * Waits until the answers equal the truth, for a live job that writes as it goes; fails with the last
     * difference if they do not within {@code limit}.
     */
    void awaitPipelineAnswers(ClickHouseHttp ch, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                assertPipelineAnswers(ch);
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private Map<String, Long> visitors(ClickHouseHttp ch, String by) {
        ResultTable t = ExactQuery.run(ch, "visitors", by, from, to);
        Map<String, Long> cells = new HashMap<>();
        int visitors = t.columnIndex("visitors");
        for (List<Object> row : t.rows()) {
            cells.put(String.join("|", row.subList(0, visitors).stream().map(Object::toString).toList()),
                    (Long) row.get(visitors));
        }
        return cells;
    }

    /** Visitors per site and day, keyed {@code site|day}. */
    Map<String, Long> visitorsBySiteDay() {
        return truth("visitorsBySiteDay", false);
    }

    private Map<String, Long> truth(String array, boolean withLang) {
        Map<String, Long> cells = new HashMap<>();
        for (JsonNode c : root.get(array)) {
            String key = c.get("site_id").asText() + "|" + c.get("day").asText()
                    + (withLang ? "|" + c.get("lang").asText() : "");
            cells.put(key, c.get("visitors").asLong());
        }
        return cells;
    }

    /**
     * A result as key (the first {@code keys} columns joined) → the remaining counts (the private-address band is
     * checked by SegmentsEndToEndIT).
     */
    private static Map<String, List<Object>> cells(ResultTable t, int keys) {
        Map<String, List<Object>> out = new HashMap<>();
        int end = t.columns().contains("private_mac_share") ? t.columnIndex("private_mac_share") : t.columns().size();
        for (List<Object> row : t.rows()) {
            out.put(String.join("|", row.subList(0, keys).stream().map(Object::toString).toList()),
                    row.subList(keys, end));
        }
        return out;
    }

    private Map<String, List<Object>> truthCells(String array, List<String> keys, List<String> values) {
        Map<String, List<Object>> out = new HashMap<>();
        for (JsonNode c : root.get(array)) {
            out.put(String.join("|", keys.stream().map(k -> c.get(k).asText()).toList()),
                    values.stream().map(v -> (Object) c.get(v).asLong()).toList());
        }
        assertThat(out).as(array + " in truth.json").isNotEmpty();
        return out;
    }
}
