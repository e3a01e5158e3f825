package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import jp.tabiji.analytics.catalogue.SegmentPeriod;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.catalogue.Thresholds;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.query.ResultTable;
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

/**
 * Sixteen simulated days with tourists, commuters, staff, residents, onsen guests, long stays and phones that rotate
 * their address, replayed through Kafka, Flink and ClickHouse: the pipeline's segment of every device and every
 * visitors-by-segment cell equal what the simulator's own rules give its own model (docs/SEGMENTS.md), and a second
 * replay changes neither.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentsEndToEndIT {
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final int DAYS = 16; // a resident is seen over at least 15 days
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String DB = "segments";

    @TempDir
    static Path dir;
    private LocalStack stack;
    private Path sim;
    private JsonNode truth;

    @BeforeAll
    void simulateAndReplay() throws Exception {
        stack = LocalStack.startOnFreePorts(dir.resolve("stack"));
        sim = dir.resolve("sim");
        new WorkloadSimulator().write(new WorkloadSimulator.Options(DAYS, 150, 21, START, TOKYO, PseudonymPeriod.MONTH)
                .withPopulation(new WorkloadSimulator.Population(40, 30, 40, 20).withRotation(0.05, 0.01)), sim);
        truth = new ObjectMapper().readTree(sim.resolve("truth.json").toFile());
        replay();
    }

    @AfterAll
    void stopStack() throws IOException {
        if (stack != null) {
            stack.stop();
        }
    }

    private void replay() throws Exception {
        AppConfig c = new AppConfig(dir.resolve("home"), stack.kafkaBootstrap(), stack.clickhouseUrl(), DB, TOKYO, 10,
                PseudonymPeriod.MONTH, "it-secret", dir.resolve("archive").toUri().toString());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        new Replay(c, c.secret(Map.of()), quiet, false).run(List.of(sim.resolve("hostapd.log"),
                sim.resolve("portal.jsonl")), SourceOptions.defaults(registry()), UnaryOperator.identity());
        new DeviceSegments(clickhouse(), new Sites(registry()), TOKYO, SegmentPeriod.MONTH).refreshAll();
    }

    private ApRegistry registry() throws IOException {
        return ApRegistry.load(sim.resolve("registry.csv"));
    }

    private ClickHouseHttp clickhouse() {
        return new ClickHouseHttp(stack.clickhouseUrl(), DB);
    }

    /** The pipeline's non-visitor devices, each named by its first visit (site and start), with its segment. */
    private Map<String, String> pipelineDevices() {
        Map<String, String> out = new TreeMap<>();
        for (String[] r : clickhouse().select("SELECT toString(period), first_site, first_start, segment FROM "
                + "(SELECT period, device_id, segment FROM device_segments FINAL WHERE segment != 'visitor') ANY "
                + "INNER JOIN (SELECT device_id, argMin(site_id, start_ms) AS first_site, min(start_ms) AS first_start "
                + "FROM visits FINAL GROUP BY device_id) USING device_id")) {
            out.merge(r[0].substring(0, 7) + "|" + r[1] + "|" + r[2], r[3], (a, b) -> a + "," + b);
        }
        return out;
    }

    private Map<String, String> truthDevices() {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode d : truth.get("deviceSegments")) {
            out.merge(d.get("period").asText() + "|" + d.get("first_site_id").asText() + "|"
                    + d.get("first_start_ms").asLong(), d.get("segment").asText(), (a, b) -> a + "," + b);
        }
        return out;
    }

    private Map<String, Long> pipelineCells() {
        ResultTable t = ExactQuery.run(clickhouse(), "visitors", "site,day,segment", null, START,
                START.plusDays(DAYS - 1));
        Map<String, Long> cells = new HashMap<>();
        for (List<Object> row : t.rows()) {
            cells.put(row.get(0) + "|" + row.get(1) + "|" + row.get(2), (Long) row.get(3));
        }
        return cells;
    }

    private Map<String, Long> truthCells() {
        Map<String, Long> cells = new HashMap<>();
        for (JsonNode c : truth.get("visitorsBySiteDaySegment")) {
            cells.put(c.get("site_id").asText() + "|" + c.get("day").asText() + "|" + c.get("segment").asText(),
                    c.get("visitors").asLong());
        }
        return cells;
    }

    /** Equal maps, or a failure listing the first differences only. */
    private static <V> void assertSame(String what, Map<String, V> actual, Map<String, V> expected) {
        List<String> diff = new java.util.ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(actual.keySet());
        keys.addAll(expected.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(actual.get(k), expected.get(k))) {
                diff.add(k + ": pipeline " + actual.get(k) + ", truth " + expected.get(k));
            }
        }
        assertThat(diff).as(what + " (" + diff.size() + " differ)").hasSizeLessThan(1);
    }

    @Test
    void everyDeviceHasTheSegmentTheSimulatorsRulesGiveIt() {
        Map<String, String> truthDevices = truthDevices();
        assertThat(truthDevices.values()).contains("commuter", "staff", "resident");
        assertSame("devices", pipelineDevices(), truthDevices);
        // and the devices left as visitors: every other device of the period
        long devices = clickhouse().selectLong("SELECT uniqExact(device_id) FROM visits FINAL");
        assertThat(devices - truthDevices.size()).isEqualTo(truth.get("devicesBySegment").get("2026-11").get("visitor")
                .asLong());
    }

    @Test
    void everyVisitorsBySegmentCellEqualsTheTruth() {
        Map<String, Long> truthCells = truthCells();
        assertSame("visitors by site, day and segment", pipelineCells(), truthCells);
        // segment cells of a site and day add up to its visitors
        ResultTable all = ExactQuery.run(clickhouse(), "visitors", "site,day", null, START, START.plusDays(DAYS - 1));
        Map<String, Long> sums = new HashMap<>();
        truthCells.forEach((k, v) -> sums.merge(k.substring(0, k.lastIndexOf('|')), v, Long::sum));
        for (List<Object> row : all.rows()) {
            assertThat(sums.get(row.get(0) + "|" + row.get(1))).as(row.toString()).isEqualTo(row.get(2));
        }
        // --segment filters to one segment's cells
        ResultTable staff = ExactQuery.run(clickhouse(), "visitors", "site,day", "staff", START, START.plusDays(DAYS - 1));
        assertThat(staff.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.get(2))
                .isEqualTo(truthCells.get(row.get(0) + "|" + row.get(1) + "|staff")));
    }

    @Test
    void eachCellSaysWhatShareOfItsVisitorsHaveAPrivateAddress() {
        // counted apart, from the visits (whose address kind the job wrote on each visit)
        Map<String, long[]> exact = new HashMap<>();
        for (String[] r : clickhouse().select("SELECT site_id, toString(day), uniqExact(device_id), "
                + "uniqExactIf(device_id, random_mac = 1) FROM (SELECT site_id, day, device_id, random_mac FROM visits "
                + "FINAL) GROUP BY site_id, day")) {
            exact.put(r[0] + "|" + r[1], new long[] {Long.parseLong(r[2]), Long.parseLong(r[3])});
        }
        ResultTable t = ExactQuery.run(clickhouse(), "visitors", "site,day", null, START, START.plusDays(DAYS - 1));
        int band = t.columnIndex("private_mac_share");
        int privateCells = 0;
        for (List<Object> row : t.rows()) {
            long[] e = exact.get(row.get(0) + "|" + row.get(1));
            // a visit starting the day before counts its device on both days but in the first day's visits only
            if (e != null && e[0] == (Long) row.get(2)) {
                long tenths = Math.min(9, e[1] * 10 / e[0]);
                assertThat(row.get(band)).as(row.toString()).isEqualTo(tenths * 10 + "-" + (tenths * 10 + 10) + "%");
                privateCells += e[1] > 0 ? 1 : 0;
            }
        }
        assertThat(privateCells).as("cells with private addresses").isGreaterThan(50);
    }

    @Test
    void aSecondReplayChangesNoSegmentAndNoCell() throws Exception {
        Map<String, String> devices = pipelineDevices();
        Map<String, Long> cells = pipelineCells();
        replay();
        assertThat(pipelineDevices()).isEqualTo(devices);
        assertThat(pipelineCells()).isEqualTo(cells);
    }

    /**
     * `tabiji query visitors --segment visitor` and the API the dashboard reads ask the catalogue the same typed
     * request: the CLI's exact cells are the truth under primary suppression, and the API releases the same cells,
     * each within its published error of the exact one and hidden only where its perturbed value is under k.
     */
    @Test
    void theCliAndTheApiAgreeOnTheVisitorsOfOneSegment() throws Exception {
        LocalDate end = START.plusDays(DAYS - 1);
        Map<String, String> env = Map.of("TABIJI_HOME", dir.resolve("home").toString(), "TABIJI_CLICKHOUSE",
                stack.clickhouseUrl(), "TABIJI_CLICKHOUSE_DB", DB, "TABIJI_SECRET", "it-secret");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = TabijiCli.run(new String[] {"query", "visitors", "--from", START.toString(), "--to", end.toString(),
                "--segment", "visitor", "--format", "json", "--registry", sim.resolve("registry.csv").toString()}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Map<String, JsonNode> cli = cellsOf(new ObjectMapper().readTree(out.toByteArray()));
        Map<String, Long> truthCells = truthCells();
        cli.forEach((key, visitors) -> {
            long exact = truthCells.get(key + "|visitor");
            assertThat(visitors.isNull() ? null : visitors.asLong()).as(key).isEqualTo(exact < 10 ? null : exact);
        });

        AppConfig c = new AppConfig(dir.resolve("home"), stack.kafkaBootstrap(), stack.clickhouseUrl(), DB, TOKYO, 10,
                PseudonymPeriod.MONTH, "it-secret", dir.resolve("archive").toUri().toString());
        String token = ServeCommand.userStore(c).addUser("viola", Role.VIEWER);
        ByteArrayOutputStream served = new ByteArrayOutputStream();
        Javalin server = new ServeCommand(c, new PrintStream(served, true, StandardCharsets.UTF_8))
                .start("127.0.0.1", 0, registry(), "", java.util.Optional.empty());
        JsonNode api;
        try {
            defaultRangeHasData(served.toString(StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                            + "/api/v1/visitors?groupBy=site,day&segment=visitor&from=" + START + "&to=" + end))
                            .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            api = new ObjectMapper().readTree(r.body());
        } finally {
            server.stop();
        }
        assertThat(api.get("segment").asText()).isEqualTo("visitor");
        long maxError = api.get("maxError").asLong();
        Map<String, JsonNode> released = cellsOf(api);
        assertThat(cli.keySet()).containsAll(released.keySet());
        int shown = 0;
        for (Map.Entry<String, JsonNode> e : released.entrySet()) {
            // published where the perturbed value reaches k (docs/DISCLOSURE.md), so a cell the CLI hides may show
            long exact = truthCells.get(e.getKey() + "|visitor");
            if (e.getValue().isNull()) {
                assertThat(exact - maxError).as("hidden, so perturbed under k: " + e.getKey()).isLessThan(10);
            } else {
                assertThat(e.getValue().asLong()).as(e.getKey()).isGreaterThanOrEqualTo(10)
                        .isBetween(exact - maxError, exact + maxError);
                shown++;
            }
        }
        assertThat(shown).as("cells the API shows").isGreaterThan(20);
    }

    /**
     * A survey that counts twice the Wi-Fi's tourists at Sendai Station calibrates the visitor segment's own capture
     * rate (50 %), from the segment's released cells; the station's visitors as a whole stay uncalibrated.
     */
    @Test
    void aSegmentsReferenceCountsCalibrateThatSegmentAlone() throws Exception {
        StringBuilder counts = new StringBuilder("day,visitors\n");
        truthCells().forEach((key, exact) -> {
            String[] k = key.split("\\|");
            if (k[0].equals("sendai-station") && k[2].equals("visitor")) {
                counts.append(k[1]).append(',').append(2 * exact).append('\n');
            }
        });
        Path file = dir.resolve("station-survey.csv");
        java.nio.file.Files.writeString(file, counts);
        Map<String, String> env = Map.of("TABIJI_HOME", dir.resolve("home").toString(), "TABIJI_CLICKHOUSE",
                stack.clickhouseUrl(), "TABIJI_CLICKHOUSE_DB", DB, "TABIJI_SECRET", "it-secret");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"calibrate", "--site", "sendai-station", "--segment", "visitor", "--counts", file.toString(),
                "--source", "survey", "--registry", sim.resolve("registry.csv").toString()};
        assertThat(TabijiCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        String said = out.toString(StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("sees ([0-9.]+) % of sendai-station's visitors "
                + "\\(95 % interval ([0-9.]+)–([0-9.]+) %, from (\\d+) days\\)").matcher(said);
        assertThat(m.find()).as(said).isTrue();
        // the release's noise (±2 on cells of a few dozen) moves each day's ratio; the days' mean stays near 50 %
        assertThat(Double.parseDouble(m.group(1))).isBetween(44.0, 56.0);
        assertThat(Double.parseDouble(m.group(2))).isLessThan(Double.parseDouble(m.group(1)));
        assertThat(Double.parseDouble(m.group(3))).isGreaterThan(Double.parseDouble(m.group(1)));
        assertThat(Integer.parseInt(m.group(4))).isGreaterThanOrEqualTo(5);

        AppConfig c = new AppConfig(dir.resolve("home"), stack.kafkaBootstrap(), stack.clickhouseUrl(), DB, TOKYO, 10,
                PseudonymPeriod.MONTH, "it-secret", dir.resolve("archive").toUri().toString());
        var stats = new ServeCommand(c, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .releasedCatalogue(new ClickHouseHttp(stack.clickhouseUrl(), DB, ClickHouseHttp.READER),
                        new Sites(registry()), null);
        LocalDate end = START.plusDays(DAYS - 1);
        var visitors = stats.estimates("sendai-station", jp.tabiji.analytics.catalogue.Segment.VISITOR, START, end);
        assertThat(visitors.getValue()).isPresent();
        ResultTable rows = visitors.getKey();
        int observed = rows.columnIndex("visitors");
        int estimated = rows.columnIndex("estimated_visitors");
        for (List<Object> r : rows.rows()) {
            if (r.get(observed) instanceof Long n) {
                assertThat(((Number) r.get(estimated)).doubleValue()).as(r.toString()).isBetween(1.6 * n, 2.5 * n);
            }
        }
        assertThat(stats.estimates("sendai-station", null, START, end).getValue()).isEmpty();
        assertThat(stats.segmentCaptureRates("sendai-station")).containsOnlyKeys(
                jp.tabiji.analytics.catalogue.Segment.VISITOR);
        // a segment the period does not have is a usage error, not an empty rate
        assertThat(TabijiCli.run(new String[] {"calibrate", "--site", "sendai-station", "--segment", "tourist",
                "--counts", file.toString(), "--registry", sim.resolve("registry.csv").toString()}, env, System.out,
                System.err)).isEqualTo(2);
    }

    /**
     * As after {@code ./tabiji demo}: the sign-in link the server printed (good once) opens the dashboard on a range
     * with data, the replayed days' latest ended ISO week, as headless Chromium renders it.
     */
    private void defaultRangeHasData(String printed) throws Exception {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(http://\\S+/login/once\\?code=\\S+)")
                .matcher(printed);
        assertThat(link.find()).as(printed).isTrue();
        Path out = dir.resolve("chromium-dom");
        Process p = new ProcessBuilder("chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.resolve("chromium-profile"),
                "--virtual-time-budget=20000", "--dump-dom", link.group(1))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String dom = java.nio.file.Files.readString(out, StandardCharsets.UTF_8);
        LocalDate monday = START.plusDays(DAYS - 1).with(java.time.DayOfWeek.MONDAY);
        assertThat(dom).contains("class=\"tiles\"").doesNotContain("データがありません")
                .contains("<td>" + monday + "</td>").doesNotContain("<td>" + monday.minusDays(1) + "</td>");
    }

    /** A visitors table's cells by site and day: the visitors value, null where hidden. */
    private static Map<String, JsonNode> cellsOf(JsonNode table) {
        Map<String, JsonNode> cells = new TreeMap<>();
        for (JsonNode row : table.get("rows")) {
            cells.put(row.get("site_id").asText() + "|" + row.get("day").asText(), row.get("visitors"));
        }
        return cells;
    }

    /**
     * Rules from TABIJI_SEGMENT_RULES apply to a period still open (recorded with it) and to none already closed: a
     * closed period was released final, and each re-release is another look for an attacker.
     */
    @Test
    void changedRulesRecomputeOnlyAnOpenPeriod() throws IOException {
        Clock open = Clock.fixed(START.plusDays(DAYS).atStartOfDay(TOKYO).toInstant(), TOKYO);
        Clock closed = Clock.fixed(LocalDate.of(2026, 12, 2).atStartOfDay(TOKYO).toInstant(), TOKYO);
        Thresholds defaults = SegmentPeriod.MONTH.thresholds();
        Properties p = new Properties();
        p.setProperty("resident.days", "2");
        p.setProperty("resident.spread", "2");
        Thresholds looser = defaults.with(p);
        Sites sites = new Sites(registry());
        Map<String, String> before = pipelineDevices();
        try {
            assertThat(new DeviceSegments(clickhouse(), sites, SegmentPeriod.MONTH, looser, closed).refresh()).isZero();
            assertThat(pipelineDevices()).isEqualTo(before);
            assertThat(new DeviceSegments(clickhouse(), sites, SegmentPeriod.MONTH, looser, open).refresh()).isOne();
            assertThat(clickhouse().select("SELECT argMax(rules, computed_ms) FROM segment_periods").get(0)[0])
                    .isEqualTo(looser.describe());
            assertThat(pipelineDevices().values().stream().filter("resident"::equals).count())
                    .isGreaterThan(before.values().stream().filter("resident"::equals).count());
            assertThat(new DeviceSegments(clickhouse(), sites, SegmentPeriod.MONTH, looser, open).refresh()).isZero();
        } finally {
            new DeviceSegments(clickhouse(), sites, SegmentPeriod.MONTH, defaults, open).refresh();
        }
        assertThat(pipelineDevices()).isEqualTo(before);
    }
}
