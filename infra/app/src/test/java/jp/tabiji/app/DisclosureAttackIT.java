package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import jp.tabiji.analytics.catalogue.SegmentPeriod;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.segments.DeviceSegments;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.LocalStack;
import jp.tabiji.web.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An attacker with a viewer's token and the documented API only, against a real server over a replayed
 * simulation of 14 days, as DESIGN.md's disclosure control promises to resist it:
 * (a) range differencing over every pair of overlapping ranges that differ by one day, for every additive metric;
 * (b) the average of all such estimates of one cell; (c) cross-endpoint subtraction (a place's visitors minus its
 * shown languages, languages against {@code visitors?lang=}, at site, area and region level, and the key figures);
 * (d) every cell read from every endpoint and export that shows it. Judged against the exact values read from
 * ClickHouse: G1 one value per cell everywhere, G2 |published − exact| ≤ D, G3 for cells (and sums of hidden cells)
 * whose true value is 1..k−1 the attacker's best estimate has a standard error ≥ 1 and rounds to the truth for at
 * most 45 % of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureAttackIT {
    private static final LocalDate START = LocalDate.of(2026, 11, 2); // a Monday: days 1–7 and 8–14 are ISO weeks
    private static final int DAYS = 14;
    private static final int K = 10;
    private static final int D = 2;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private LocalStack stack;
    private Javalin server;
    private String viewer;
    private String analyst;
    private ClickHouseHttp ch;
    private ApRegistry registry;
    private final Map<String, Integer> calls = new HashMap<>();

    @BeforeAll
    void replayAndServe() throws Exception {
        stack = LocalStack.startOnFreePorts(dir.resolve("stack"));
        Path sim = dir.resolve("sim");
        new WorkloadSimulator().write(new WorkloadSimulator.Options(DAYS, 3000, 5, START, TOKYO,
                PseudonymPeriod.MONTH).withPopulation(new WorkloadSimulator.Population(150, 100, 150, 50)), sim);
        registry = ApRegistry.load(sim.resolve("registry.csv"));
        AppConfig c = new AppConfig(dir.resolve("home"), stack.kafkaBootstrap(), stack.clickhouseUrl(), "attack",
                TOKYO, K, PseudonymPeriod.MONTH, "attack-secret", dir.resolve("archive").toUri().toString());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new Replay(c, c.secret(Map.of()), quiet, false).run(List.of(sim.resolve("hostapd.log"),
                sim.resolve("portal.jsonl")), SourceOptions.defaults(registry), UnaryOperator.identity());
        // the segments as `serve` computes them in the background, before anyone asks
        new DeviceSegments(new ClickHouseHttp(stack.clickhouseUrl(), "attack"), new Sites(registry), TOKYO,
                SegmentPeriod.MONTH).refreshAll();
        // a fixed release secret: the noise, and so how many cells the attacks reach, is the same on every run
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("home/release-secret"), "attack-release-secret\n", StandardCharsets.UTF_8);
        viewer = ServeCommand.userStore(c).addUser("mallory", Role.VIEWER);
        analyst = ServeCommand.userStore(c).addUser("eve", Role.ANALYST);
        server = new ServeCommand(c, quiet).start("127.0.0.1", 0, registry, "", java.util.Optional.empty());
        ch = new ClickHouseHttp(stack.clickhouseUrl(), "attack");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    // ---- (a) + (b): range differencing of the additive metrics, every estimate of a cell averaged ----

    /** An additive metric: the endpoint's query, the columns naming a cell, the count column, and its exact values. */
    private record Additive(String name, String query, List<String> keys, String count, String exactSql,
                            int smallCellsAtLeast) {
    }

    private List<Additive> additives() {
        String bucket = "multiIf(dwell_s < 900, '0-15', dwell_s < 1800, '15-30', dwell_s < 3600, '30-60', "
                + "dwell_s < 7200, '60-120', '120+')";
        return List.of(
                new Additive("trips", "/api/v1/flows?", List.of("origin_site_id", "destination_site_id"), "trips",
                        "SELECT origin_site_id, destination_site_id, toString(day), count() FROM moves FINAL "
                                + "GROUP BY origin_site_id, destination_site_id, day", 200),
                new Additive("bucket visits", "/api/v1/dwell?groupBy=site,bucket&", List.of("site_id", "bucket"),
                        "visits", "SELECT site_id, " + bucket + " AS b, toString(day), count() FROM visits FINAL "
                                + "GROUP BY site_id, b, day", 200),
                new Additive("site visits", "/api/v1/dwell?", List.of("site_id"), "visits",
                        "SELECT site_id, toString(day), count() FROM visits FINAL GROUP BY site_id, day", 0));
    }

    @Test
    void rangeDifferencingAndAveragingRecoverNoSmallCell() throws Exception {
        Map<Additive, Verdict> verdicts = new LinkedHashMap<>();
        for (Additive m : additives()) {
            Map<String, Long> exact = exact(m.exactSql());
            // every range [a..b] of the 14 days, read once: cell key → value (null: hidden; absent: no row)
            Map<String, Map<String, Long>> ranges = new HashMap<>();
            Map<String, java.util.Set<String>> hidden = new HashMap<>();
            for (int a = 0; a < DAYS; a++) {
                for (int b = a; b < DAYS; b++) {
                    Map<String, Long> shown = new HashMap<>();
                    java.util.Set<String> hid = new java.util.HashSet<>();
                    for (JsonNode row : rows(m.query() + "from=" + day(a) + "&to=" + day(b), viewer)) {
                        String key = key(row, m.keys());
                        if (row.get(m.count()).isNull()) {
                            hid.add(key);
                        } else {
                            shown.put(key, row.get(m.count()).asLong());
                        }
                    }
                    ranges.put(a + ".." + b, shown);
                    hidden.put(a + ".." + b, hid);
                }
            }
            // estimates of cell (key, day d): [d..e] − [d+1..e] and [s..d] − [s..d−1], and [d..d] itself if shown
            Map<String, List<Long>> estimates = new HashMap<>();
            for (String r : ranges.keySet()) {
                String[] ab = r.split("\\.\\.");
                int a = Integer.parseInt(ab[0]);
                int b = Integer.parseInt(ab[1]);
                if (a == b) {
                    ranges.get(r).forEach((key, v) -> estimates.computeIfAbsent(key + "|" + day(a), x -> new ArrayList<>())
                            .add(v));
                    continue;
                }
                difference(ranges, hidden, r, (a + 1) + ".." + b, day(a), estimates);
                difference(ranges, hidden, r, a + ".." + (b - 1), day(b), estimates);
            }
            Verdict v = judge(estimates, exact);
            System.out.printf("attack (a,b) %s: %s%n", m.name(), v);
            verdicts.put(m, v);
        }
        verdicts.forEach((m, v) -> {
            // a site's visits of a day are rarely under k: judged where there are any
            assertThat(v.smallCells()).as(m.name() + ": cells under k attacked").isGreaterThanOrEqualTo(m.smallCellsAtLeast());
            if (v.smallCells() > 0) {
                v.assertHolds(m.name() + " by range differencing");
            }
        });
    }

    private static void difference(Map<String, Map<String, Long>> ranges, Map<String, java.util.Set<String>> hidden,
                                   String larger, String smaller, String day, Map<String, List<Long>> estimates) {
        Map<String, Long> big = ranges.get(larger);
        Map<String, Long> small = ranges.get(smaller);
        for (Map.Entry<String, Long> e : big.entrySet()) {
            if (hidden.get(smaller).contains(e.getKey())) {
                continue; // the attacker cannot subtract what is hidden
            }
            long est = e.getValue() - small.getOrDefault(e.getKey(), 0L);
            estimates.computeIfAbsent(e.getKey() + "|" + day, x -> new ArrayList<>()).add(est);
        }
    }

    // ---- (c): cross-endpoint subtraction ----

    @Test
    void subtractingShownLanguagesFromAPlacesVisitorsRecoversNoSmallCell() throws Exception {
        Map<String, List<Long>> estimates = new HashMap<>();
        Map<String, Long> exact = new HashMap<>();
        List<String> langs = new ArrayList<>(new TreeSet<>(column("SELECT DISTINCT lang FROM site_day_visitors")));
        for (String[] period : lattice()) {
            String range = "from=" + period[0] + "&to=" + period[1];
            String unit = periodUnit(period);
            for (String place : unit.equals("hour") ? List.of("site") : List.of("site", "area", "region")) {
                String groupBy = (place.equals("region") ? "" : place + ",") + unit;
                String prefix = place + "|" + period[0] + "|";
                Map<String, Long> total = new HashMap<>();
                for (JsonNode row : rows("/api/v1/visitors?" + range + "&groupBy=" + groupBy, viewer)) {
                    if (!row.get("visitors").isNull()) {
                        total.put(cellPlace(row, place, unit), row.get("visitors").asLong());
                    }
                }
                // what the languages endpoint shows, filled in with what visitors?lang= shows for the same cells
                Map<String, Map<String, Long>> shown = new HashMap<>();
                for (JsonNode row : rows("/api/v1/languages?" + range + "&groupBy=" + groupBy + ",lang", viewer)) {
                    if (!row.get("visitors").isNull()) {
                        shown.computeIfAbsent(cellPlace(row, place, unit), x -> new HashMap<>())
                                .put(row.get("lang").asText(), row.get("visitors").asLong());
                    }
                }
                for (String lang : langs) {
                    for (JsonNode row : rows("/api/v1/visitors?" + range + "&lang=" + lang + "&groupBy=" + groupBy,
                            viewer)) {
                        String p = cellPlace(row, place, unit);
                        if (!row.get("visitors").isNull() && !shown.getOrDefault(p, Map.of()).containsKey(lang)) {
                            // a cell the languages endpoint hides but the lang filter shows: an estimate as it is
                            estimates.computeIfAbsent(prefix + p + "|" + lang, x -> new ArrayList<>())
                                    .add(row.get("visitors").asLong());
                        }
                    }
                }
                Map<String, Map<String, Long>> truth = exactLanguages(place, unit, period[0], period[1]);
                truth.forEach((p, cells) -> cells.forEach((l, v) -> exact.put(prefix + p + "|" + l, v)));
                for (Map.Entry<String, Long> t : total.entrySet()) {
                    Map<String, Long> cells = truth.getOrDefault(t.getKey(), Map.of());
                    Map<String, Long> s = shown.getOrDefault(t.getKey(), Map.of());
                    List<String> hiddenLangs = cells.keySet().stream().filter(l -> !s.containsKey(l)).sorted().toList();
                    if (hiddenLangs.isEmpty()) {
                        continue;
                    }
                    // the place's visitors minus its shown languages: the hidden ones together
                    String key = prefix + t.getKey() + "|" + String.join("+", hiddenLangs);
                    estimates.computeIfAbsent(key, x -> new ArrayList<>())
                            .add(t.getValue() - s.values().stream().mapToLong(Long::longValue).sum());
                    exact.put(key, hiddenLangs.stream().mapToLong(cells::get).sum());
                }
            }
        }
        Verdict v = judge(estimates, exact);
        System.out.printf("attack (c) languages: %s%n", v);
        assertThat(v.smallCells()).as("cells under k attacked").isGreaterThanOrEqualTo(200);
        v.assertHolds("visitors minus the shown languages");
    }

    @Test
    void subtractingShownSegmentsFromAPlacesVisitorsRecoversNoSmallCell() throws Exception {
        Map<String, List<Long>> estimates = new HashMap<>();
        Map<String, Long> exact = new HashMap<>();
        List<String> segments = List.of("visitor", "commuter", "staff", "resident");
        for (String[] period : lattice()) {
            String unit = periodUnit(period);
            if (unit.equals("hour")) {
                continue;
            }
            String range = "from=" + period[0] + "&to=" + period[1];
            for (String place : List.of("site", "area", "region")) {
                String groupBy = (place.equals("region") ? "" : place + ",") + unit;
                String prefix = place + "|" + period[0] + "|";
                Map<String, Long> total = new HashMap<>();
                for (JsonNode row : rows("/api/v1/visitors?" + range + "&groupBy=" + groupBy, viewer)) {
                    if (!row.get("visitors").isNull()) {
                        total.put(cellPlace(row, place, unit), row.get("visitors").asLong());
                    }
                }
                Map<String, Map<String, Long>> shown = new HashMap<>();
                for (JsonNode row : rows("/api/v1/visitors?" + range + "&groupBy=" + groupBy + ",segment", viewer)) {
                    if (!row.get("visitors").isNull()) {
                        shown.computeIfAbsent(cellPlace(row, place, unit), x -> new HashMap<>())
                                .put(row.get("segment").asText(), row.get("visitors").asLong());
                    }
                }
                for (String segment : segments) { // G1: the filter shows what the grouping shows, and no more
                    for (JsonNode row : rows("/api/v1/visitors?" + range + "&segment=" + segment + "&groupBy="
                            + groupBy, viewer)) {
                        Long grouped = shown.getOrDefault(cellPlace(row, place, unit), Map.of()).get(segment);
                        assertThat(row.get("visitors").isNull() ? null : row.get("visitors").asLong())
                                .as(segment + " " + row).isEqualTo(grouped);
                    }
                }
                Map<String, Map<String, Long>> truth = exactSegments(place, period[0], period[1]);
                for (Map.Entry<String, Long> t : total.entrySet()) {
                    Map<String, Long> cells = truth.getOrDefault(t.getKey(), Map.of());
                    Map<String, Long> s = shown.getOrDefault(t.getKey(), Map.of());
                    List<String> hidden = cells.keySet().stream().filter(sg -> !s.containsKey(sg)).sorted().toList();
                    if (hidden.isEmpty()) {
                        continue;
                    }
                    // the place's visitors minus its shown segments: the hidden ones together
                    String key = prefix + t.getKey() + "|" + String.join("+", hidden);
                    estimates.computeIfAbsent(key, x -> new ArrayList<>())
                            .add(t.getValue() - s.values().stream().mapToLong(Long::longValue).sum());
                    exact.put(key, hidden.stream().mapToLong(cells::get).sum());
                }
            }
        }
        Verdict v = judge(estimates, exact);
        System.out.printf("attack (c) segments: %s%n", v);
        assertThat(v.smallCells()).as("cells under k attacked").isGreaterThanOrEqualTo(100);
        v.assertHolds("visitors minus the shown segments");
    }

    /** Exact visitors per place and segment over a range; a device not in device_segments is a visitor. */
    private Map<String, Map<String, Long>> exactSegments(String place, String from, String to) {
        String placeExpr = switch (place) {
            case "site" -> "site_id";
            case "area" -> areaExpr();
            default -> "''";
        };
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (String[] r : ch.select("SELECT p, if(s = '', 'visitor', s), count() FROM (SELECT " + placeExpr
                + " AS p, device_id FROM site_day_visitors WHERE day BETWEEN toDate('" + from + "') AND toDate('" + to
                + "') GROUP BY p, device_id) ANY LEFT JOIN (SELECT device_id, segment AS s FROM device_segments FINAL) "
                + "USING device_id GROUP BY p, s")) {
            out.computeIfAbsent(r[0], x -> new HashMap<>()).merge(r[1], Long.parseLong(r[2]), Long::sum);
        }
        return out;
    }

    /** The place (and hour) a row's cell belongs to. */
    private static String cellPlace(JsonNode row, String place, String unit) {
        String p = switch (place) {
            case "site" -> row.get("site_id").asText();
            case "area" -> row.get("area").asText();
            default -> "";
        };
        return unit.equals("hour") ? p + "@" + row.get("hour").asText() : p;
    }

    // ---- (d) consistency, and G2 ----

    @Test
    void everyCellHasOneValueEverywhereWithinDOfTheTruth() throws Exception {
        Map<String, Long> exact = new HashMap<>();
        for (String[] r : ch.select("SELECT site_id, toString(day), lang, uniqExact(device_id) FROM site_day_visitors "
                + "FINAL GROUP BY site_id, day, lang")) {
            exact.put(r[0] + "|" + r[1] + "|" + r[2], Long.parseLong(r[3]));
        }
        String all = "from=" + day(0) + "&to=" + day(DAYS - 1);
        Map<String, List<String>> seen = new HashMap<>();
        for (JsonNode row : rows("/api/v1/languages?" + all + "&groupBy=site,day", viewer)) {
            seen.computeIfAbsent(key(row, List.of("site_id", "day", "lang")), x -> new ArrayList<>())
                    .add("languages by site,day=" + row.get("visitors"));
        }
        for (int d = 0; d < DAYS; d++) {
            for (JsonNode row : rows("/api/v1/languages?from=" + day(d) + "&to=" + day(d) + "&groupBy=site", viewer)) {
                seen.computeIfAbsent(row.get("site_id").asText() + "|" + day(d) + "|" + row.get("lang").asText(),
                        x -> new ArrayList<>()).add("languages of one day=" + row.get("visitors"));
            }
        }
        for (String lang : new TreeSet<>(column("SELECT DISTINCT lang FROM site_day_visitors"))) {
            for (JsonNode row : rows("/api/v1/visitors?" + all + "&groupBy=site,day&lang=" + lang, viewer)) {
                seen.computeIfAbsent(row.get("site_id").asText() + "|" + row.get("day").asText() + "|" + lang,
                        x -> new ArrayList<>()).add("visitors?lang=" + row.get("visitors"));
            }
        }
        int inconsistent = 0;
        int outOfBounds = 0;
        for (Map.Entry<String, List<String>> e : seen.entrySet()) {
            List<String> values = e.getValue().stream().map(s -> s.substring(s.indexOf('=') + 1)).distinct().toList();
            if (values.size() > 1) {
                inconsistent++;
                if (inconsistent <= 5) {
                    System.out.printf("attack (d): %s read as %s%n", e.getKey(), e.getValue());
                }
            }
            for (String v : values) {
                if (!v.equals("null") && Math.abs(Long.parseLong(v) - exact.getOrDefault(e.getKey(), 0L)) > D) {
                    outOfBounds++;
                }
                if (!v.equals("null") && Long.parseLong(v) > 0 && Long.parseLong(v) < K) {
                    outOfBounds++; // a published value in 1..k−1
                }
            }
        }
        System.out.printf("attack (d): %d cells read from 3 endpoints, %d inconsistent, %d outside ±%d%n", seen.size(),
                inconsistent, outOfBounds, D);
        assertThat(inconsistent).as("cells read differently by different endpoints (G1)").isZero();
        assertThat(outOfBounds).as("published cells further than D from the truth (G2)").isZero();
        // the same days in the analysts' export and the key figures
        String csv = new String(get("/api/v1/export?from=" + day(0) + "&to=" + day(6) + "&format=csv&lang=en",
                analyst).body(), StandardCharsets.UTF_8);
        JsonNode kpis = JSON.readTree(get("/api/v1/kpis?from=" + day(0) + "&to=" + day(6), viewer).body());
        JsonNode week = rows("/api/v1/visitors?from=" + day(0) + "&to=" + day(6) + "&groupBy=week", viewer);
        assertThat(kpis.get("visitors")).as("key figure vs /visitors").isEqualTo(week.get(0).get("visitors"));
        String week0 = "/api/v1/export?from=" + day(0) + "&to=" + day(6) + "&lang=en&format=";
        Map<String, Long> xlsx = xlsxDays(get(week0 + "xlsx", analyst).body());
        String pdf;
        try (PDDocument doc = Loader.loadPDF(get(week0 + "pdf", analyst).body())) {
            pdf = new PDFTextStripper().getText(doc);
        }
        for (JsonNode row : rows("/api/v1/visitors?from=" + day(0) + "&to=" + day(6) + "&groupBy=day", viewer)) {
            String d = row.get("day").asText();
            String v = row.get("visitors").asText();
            assertThat(csv).as("CSV export vs /visitors").contains(d + "," + v);
            assertThat(xlsx.get(d)).as("XLSX export vs /visitors, " + d).isEqualTo(row.get("visitors").asLong());
            assertThat(pdf).as("PDF report vs /visitors, " + d).containsPattern(d + "\\s+" + v + "\\b");
        }
    }

    /** The (day, count) pairs of the workbook's day sheets: the first numeric cell after a date cell. */
    private static Map<String, Long> xlsxDays(byte[] body) throws Exception {
        Map<String, Long> days = new HashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    Cell first = row.getCell(0);
                    Cell second = row.getCell(1);
                    if (first != null && second != null && first.getCellType() == CellType.NUMERIC
                            && DateUtil.isCellDateFormatted(first)
                            && second.getCellType() == CellType.NUMERIC) {
                        days.putIfAbsent(first.getLocalDateTimeCellValue().toLocalDate().toString(),
                                (long) second.getNumericCellValue());
                    }
                }
            }
        }
        return days;
    }

    // ---- the judge ----

    /** G3 over the cells under k that the attack estimated at all. */
    private record Verdict(int smallCells, double standardError, double roundsToTruth) {
        void assertHolds(String attack) {
            assertThat(standardError).as(attack + ": standard error of the best estimates (G3)").isGreaterThanOrEqualTo(1.0);
            assertThat(roundsToTruth).as(attack + ": share of small cells recovered exactly (G3)").isLessThanOrEqualTo(0.45);
        }

        @Override
        public String toString() {
            return String.format("%d cells under k estimated, standard error %.2f, %.0f %% exactly", smallCells,
                    standardError, 100 * roundsToTruth);
        }
    }

    private static Verdict judge(Map<String, List<Long>> estimates, Map<String, Long> exact) {
        double squares = 0;
        int n = 0;
        int hits = 0;
        for (Map.Entry<String, List<Long>> e : estimates.entrySet()) {
            long truth = exact.getOrDefault(e.getKey(), 0L);
            if (truth < 1 || truth >= K) {
                continue;
            }
            double mean = e.getValue().stream().mapToLong(Long::longValue).average().orElseThrow();
            squares += (mean - truth) * (mean - truth);
            hits += Math.round(mean) == truth ? 1 : 0;
            n++;
        }
        return new Verdict(n, n == 0 ? 0 : Math.sqrt(squares / n), n == 0 ? 0 : (double) hits / n);
    }

    // ---- helpers ----

    /** Whole days, then the two ISO weeks, then the hours of each day (site level only). */
    private static List<String[]> lattice() {
        List<String[]> out = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            out.add(new String[] {day(d), day(d)});
        }
        for (int d = 0; d < DAYS; d++) {
            out.add(new String[] {day(d), day(d), "hour"});
        }
        out.add(new String[] {day(0), day(6)});
        out.add(new String[] {day(7), day(13)});
        return out;
    }

    private static String periodUnit(String[] period) {
        return period.length > 2 ? "hour" : period[0].equals(period[1]) ? "day" : "week";
    }

    private Map<String, Map<String, Long>> exactLanguages(String place, String unit, String from, String to) {
        String placeExpr = switch (place) {
            case "site" -> "site_id";
            case "area" -> areaExpr();
            default -> "''";
        };
        boolean hourly = unit.equals("hour");
        String cell = hourly ? "concat(" + placeExpr + ", '@', hour)" : placeExpr;
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (String[] r : ch.select("SELECT p, l, count() FROM (SELECT " + cell + " AS p, device_id, "
                + "argMax(lang, last_event_ms) AS l FROM " + (hourly ? "site_hour_visitors" : "site_day_visitors")
                + " WHERE day BETWEEN toDate('" + from + "') AND toDate('" + to + "') GROUP BY p, device_id) "
                + "GROUP BY p, l")) {
            out.computeIfAbsent(r[0], x -> new HashMap<>()).put(r[1], Long.parseLong(r[2]));
        }
        return out;
    }

    private String areaExpr() {
        List<String> ids = new ArrayList<>();
        List<String> areas = new ArrayList<>();
        registry.sites().forEach((id, s) -> {
            ids.add("'" + id + "'");
            areas.add("'" + s.area() + "'");
        });
        return "transform(site_id, [" + String.join(",", ids) + "], [" + String.join(",", areas) + "], '')";
    }

    private Map<String, Long> exact(String sql) {
        Map<String, Long> out = new HashMap<>();
        for (String[] r : ch.select(sql)) {
            out.put(String.join("|", List.of(r).subList(0, r.length - 1)), Long.parseLong(r[r.length - 1]));
        }
        return out;
    }

    private List<String> column(String sql) {
        return ch.select(sql).stream().map(r -> r[0]).toList();
    }

    private static String key(JsonNode row, List<String> columns) {
        return String.join("|", columns.stream().map(c -> row.get(c).asText()).toList());
    }

    private static String day(int d) {
        return START.plusDays(d).toString();
    }

    private JsonNode rows(String path, String token) throws Exception {
        HttpResponse<byte[]> r = get(path, token);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(path + ": " + body).isEqualTo(200);
        return JSON.readTree(body).get("rows");
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        calls.merge(path.substring(0, path.indexOf('?')), 1, Integer::sum);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @SuppressWarnings("unused")
    private Map<String, Integer> calls() {
        return new LinkedHashMap<>(calls);
    }
}
