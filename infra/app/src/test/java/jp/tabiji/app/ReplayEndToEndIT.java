package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * simulate → replay → query on a real Kafka broker and a real ClickHouse server, against the simulator's truth:
 * exact for every cell, for several seeds; unchanged by a second replay and by a restore from a checkpoint;
 * and no client MAC anywhere the pipeline writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayEndToEndIT {
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final int DAYS = 3;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    static Path dir;
    private LocalStack stack;
    private final Map<Long, Path> simulated = new HashMap<>();

    @BeforeAll
    void startStack() throws IOException {
        stack = LocalStack.startOnFreePorts(dir.resolve("stack"));
    }

    @AfterAll
    void stopStack() throws IOException {
        if (stack != null) {
            stack.stop();
        }
    }

    private AppConfig config(String database) {
        return new AppConfig(dir.resolve("home"), stack.kafkaBootstrap(), stack.clickhouseUrl(), database, TOKYO, 10,
                PseudonymPeriod.MONTH, "it-secret", archive(database).toUri().toString());
    }

    private Path archive(String database) {
        return dir.resolve("archive-" + database);
    }

    /** Every record in a run's Parquet archive, as device@time:type. */
    private List<String> archived(String database) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(archive(database))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(f))
                        .withDataModel(GenericData.get()).build()) {
                    for (GenericRecord rec = r.read(); rec != null; rec = r.read()) {
                        out.add(rec.get("deviceId") + "@" + rec.get("ts") + ":" + rec.get("type") + ":" + rec.get("apId"));
                    }
                }
            }
        }
        return out;
    }

    private Path simulate(long seed) throws IOException {
        Path out = dir.resolve("sim-" + seed);
        new WorkloadSimulator().write(new WorkloadSimulator.Options(DAYS, 700, seed, START, TOKYO,
                PseudonymPeriod.MONTH), out);
        simulated.put(seed, out);
        return out;
    }

    private Replay.Summary replay(String database, Path sim, UnaryOperator<org.apache.flink.streaming.api.datastream.DataStream<byte[]>> tap)
            throws Exception {
        AppConfig c = config(database);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Replay(c, c.secret(Map.of()), quiet, false).run(
                List.of(sim.resolve("hostapd.log"), sim.resolve("portal.jsonl")),
                SourceOptions.defaults(ApRegistry.load(sim.resolve("registry.csv"))), tap);
    }

    private void assertMatchesTruth(String database, Path sim) throws IOException {
        new SimulatedTruth(sim, START, DAYS).assertPipelineAnswers(new ClickHouseHttp(stack.clickhouseUrl(), database));
    }

    @Test
    void replayReproducesTheTruthExactlyAndASecondReplayChangesNoNumber() throws Exception {
        Path sim = simulate(11);
        Replay.Summary first = replay("seed11", sim, UnaryOperator.identity());
        assertThat(first.rejected()).isPositive();
        assertThat(first.lines()).isEqualTo(lineCount(sim.resolve("hostapd.log")) + lineCount(sim.resolve("portal.jsonl")));
        assertThat(first.lines()).isEqualTo(first.published() + first.rejected() + first.skipped());
        assertMatchesTruth("seed11", sim);
        // early-morning visits (before 09:00 Tokyo, the previous UTC date) are among them
        assertThat(Files.readString(sim.resolve("hostapd.log"))).containsPattern("T0[6-8]:\\d\\d:\\d\\d\\.\\d{3}\\+09:00");

        ClickHouseHttp ch = new ClickHouseHttp(stack.clickhouseUrl(), "seed11");
        long visits = ch.selectLong("SELECT count() FROM visits FINAL");
        // the archive holds exactly the accepted events: those on tabiji.events (duplicated lines included)
        List<String> archived = archived("seed11");
        assertThat(archived).hasSize((int) first.published());
        Replay.Summary second = replay("seed11", sim, UnaryOperator.identity());
        assertThat(second.published()).isEqualTo(first.published());
        assertMatchesTruth("seed11", sim);
        assertThat(ch.selectLong("SELECT count() FROM visits FINAL")).isEqualTo(visits);
        assertThat(ch.selectLong("SELECT uniqExact(visit_id) FROM visits")).isEqualTo(visits);
        // the archive is append-only: a second replay of the same files archives their events again (README)
        List<String> twice = archived("seed11");
        assertThat(twice).hasSize(2 * archived.size());
        assertThat(new HashSet<>(twice)).isEqualTo(new HashSet<>(archived));
    }

    /** Seed 13, replayed once into its own database for the tests of what is published from it. */
    private Path published() throws Exception {
        if (!simulated.containsKey(13L)) {
            replay("seed13", simulate(13), UnaryOperator.identity());
        }
        return simulated.get(13L);
    }

    private Map<String, String> publishedEnv() {
        return Map.of("TABIJI_HOME", dir.resolve("home-opendata").toString(), "TABIJI_CLICKHOUSE",
                stack.clickhouseUrl(), "TABIJI_CLICKHOUSE_DB", "seed13");
    }

    @Test
    void calibratingASiteWithReferenceCountsGivesTheCaptureRateTheyImply() throws Exception {
        Path sim = published();
        // a ticket gate that counts 2.5 times the Wi-Fi's devices at Matsushima: a capture rate of 40 %
        StringBuilder counts = new StringBuilder("day,visitors\n");
        new SimulatedTruth(sim, START, DAYS).visitorsBySiteDay().forEach((key, devices) -> {
            if (key.startsWith("matsushima|")) {
                counts.append(key.substring(key.indexOf('|') + 1)).append(',').append(Math.round(devices / 0.4))
                        .append('\n');
            }
        });
        Path file = dir.resolve("matsushima-gate.csv");
        Files.writeString(file, counts);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        assertThat(TabijiCli.run(new String[] {"calibrate", "--site", "matsushima", "--counts", file.toString(),
                "--source", "gate", "--registry", sim.resolve("registry.csv").toString()}, publishedEnv(),
                new PrintStream(said, true, StandardCharsets.UTF_8), System.err)).isZero();
        String out = said.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("calibrate: 3 reference days for matsushima stored (source: gate)");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("sees ([0-9.]+) % .*interval ([0-9.]+)–([0-9.]+) %")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        // the release's noise (a random key per run) moves the rate a little: a 95 % interval need not hold 40 exactly
        double rate = Double.parseDouble(m.group(1));
        assertThat(rate).isBetween(38.0, 42.0);
        assertThat(Double.parseDouble(m.group(2))).isLessThanOrEqualTo(rate).isGreaterThan(35.0);
        assertThat(Double.parseDouble(m.group(3))).isGreaterThanOrEqualTo(rate).isLessThan(45.0);
        assertThat(TabijiCli.run(new String[] {"calibrate", "--site", "nowhere", "--counts", file.toString(),
                "--registry", sim.resolve("registry.csv").toString()}, publishedEnv(), System.out, System.err))
                .isEqualTo(2);
    }

    @Test
    void openDataOfAReplayIsTheTruthWithinItsStatedNoiseAndHidesEveryCellUnderK() throws Exception {
        Path sim = published();
        Path out = dir.resolve("opendata");
        String[] args = {"opendata", "--from", START.toString(), "--to", START.plusDays(DAYS - 1).toString(), "--out",
                out.toString(), "--registry", sim.resolve("registry.csv").toString()};
        Map<String, String> env = publishedEnv();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        assertThat(TabijiCli.run(args, env, new PrintStream(said, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("opendata: published 2026-11-02_2026-11-04 v1")
                .contains("no whole calendar month");
        Path file = out.resolve("2026-11-02_2026-11-04/v1/040002_wifi_visitors_site_day.csv");
        Map<String, Long> truth = new SimulatedTruth(sim, START, DAYS).visitorsBySiteDay();
        Map<String, String> published = new HashMap<>();
        int perturbed = 0;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            assertThat(reader.read()).as("byte-order mark").isEqualTo(0xFEFF);
            for (var r : org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String key = r.get("設置箇所ID") + "|" + r.get("日付");
                published.put(key, r.get("訪問者数"));
                long exact = truth.getOrDefault(key, 0L);
                int noise = Integer.parseInt(r.get("誤差上限"));
                assertThat(noise).isEqualTo(2);
                if (r.get("秘匿").equals("1")) {
                    assertThat(r.get("訪問者数")).isEmpty();
                    assertThat(exact).as(key + " hidden, so under k before its noise").isLessThan(10 + noise);
                } else {
                    long v = Long.parseLong(r.get("訪問者数"));
                    assertThat(v).as(key).isGreaterThanOrEqualTo(10).isBetween(exact - noise, exact + noise);
                    assertThat(exact).as(key + " shown").isGreaterThanOrEqualTo(10 - noise);
                    perturbed += v == exact ? 0 : 1;
                }
            }
        }
        assertThat(published.keySet()).isEqualTo(truth.keySet());
        assertThat(perturbed).as("the noise is there").isPositive();
        said.reset();
        assertThat(TabijiCli.run(args, env, new PrintStream(said, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("opendata: unchanged, 2026-11-02_2026-11-04 v1");
    }

    @Test
    void aJobRestoredFromItsLastCheckpointGivesTheSameNumbers() throws Exception {
        Path sim = simulate(12);
        replay("seed12", sim, events -> events.map(new FailOnceAfterCheckpoint(500)).name("fail once"));
        assertMatchesTruth("seed12", sim);
        assertThat(Files.readString(sim.resolve("truth.json"))).contains("zh-Hant");
    }

    @Test
    void noClientMacReachesKafkaClickHouseOrLogs() throws Exception {
        Path sim = simulate(13);
        replay("seed13", sim, UnaryOperator.identity());
        Set<String> macs = clientMacs(sim);
        assertThat(macs).hasSizeGreaterThan(100);

        String events = run("kcat", "-C", "-b", stack.kafkaBootstrap(), "-t", "tabiji.events", "-e", "-q");
        String dlq = run("kcat", "-C", "-b", stack.kafkaBootstrap(), "-t", "tabiji.dlq", "-e", "-q");
        assertThat(events).contains("\"deviceId\"");
        assertThat(dlq).contains("\"reason\"").contains("xx:xx:xx:xx:xx:xx");
        String tables = run("clickhouse-client", "--port", Integer.toString(stack.clickhouseTcpPort()), "-q",
                "SELECT * FROM seed13.visits FORMAT TSV") + run("clickhouse-client", "--port",
                Integer.toString(stack.clickhouseTcpPort()), "-q", "SELECT * FROM seed13.site_day_visitors FORMAT TSV") + run("clickhouse-client", "--port",
                Integer.toString(stack.clickhouseTcpPort()), "-q", "SELECT * FROM seed13.moves FORMAT TSV");
        assertThat(tables).isNotBlank();
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir.resolve("stack"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".out") || p.toString().endsWith(".log")).toList()) {
                logs.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        for (String where : List.of(events, dlq, tables, logs.toString())) {
            String flat = where.toLowerCase(Locale.ROOT).replaceAll("[:.\\-]", "");
            for (String mac : macs) {
                assertThat(flat).doesNotContain(mac);
            }
        }
    }

    /** Every client MAC in the simulated logs, as 12 lower-case hex digits. */
    private static Set<String> clientMacs(Path sim) throws IOException {
        Pattern p = Pattern.compile("(?:AP-STA-(?:DIS)?CONNECTED |\"mac\":\"|MAC: |Client \\()([0-9A-Fa-f:.\\-]{12,17})");
        Set<String> macs = new HashSet<>();
        for (String f : List.of("hostapd.log", "portal.jsonl")) {
            Matcher m = p.matcher(Files.readString(sim.resolve(f)));
            while (m.find()) {
                String hex = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[:.\\-]", "");
                if (hex.matches("[0-9a-f]{12}")) {
                    macs.add(hex);
                }
            }
        }
        return macs;
    }

    private static long lineCount(Path f) throws IOException {
        try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
