package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jp.tabiji.analytics.catalogue.MetricCatalogue;
import jp.tabiji.analytics.catalogue.PeriodCache;
import jp.tabiji.analytics.catalogue.SegmentPeriod;
import jp.tabiji.analytics.catalogue.Sites;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.analytics.hotspots.HotspotBoard;
import jp.tabiji.analytics.release.Release;
import jp.tabiji.analytics.segments.DeviceSegments;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.ServerProfiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Current ClickHouse (26.x, chdb behind {@link ChdbHttpServer}, in a JVM of its own) beside the 18.16 server of the other
 * tests, each fed by the project's own unchanged code: every migration; a replay's inserts from the job; the
 * segment and period-cache refreshes; and every kind of request the catalogue, the key figures, the coverage and
 * the hotspot board answer. Both engines give the simulator's truth and the same answers to all of them, and a
 * replay after a truncate gets the truth again on both: no block dropped as a duplicate, none left waiting in an
 * asynchronous insert buffer. What chdb cannot show (no HTTP server of its own, no users, profiles, readonly=2 or
 * replication) is said in docs/DEPLOY.md. The 18.16 server and the Kafka brokers are {@link SharedClusters}'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedClusters.Resolver.class)
class CurrentClickHouseIT {
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final int DAYS = 5; // Monday to Friday: enough days for staff and commuters
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String DB = "tabiji";

    @TempDir
    static Path dir;
    private String kafka;
    private String clickhouse18;
    private CurrentClickHouse current;
    private Path sim;

    @BeforeAll
    void start(SharedClusters clusters) throws IOException {
        sim = dir.resolve("sim");
        clusters.start(EnumSet.of(SharedClusters.Part.KAFKA, SharedClusters.Part.CLICKHOUSE),
                // the writing profile of a current server, set on chdb's connection
                () -> current = CurrentClickHouse.start(dir.resolve("chdb"), ServerProfiles.writerSettingValues(26)),
                () -> new WorkloadSimulator().write(new WorkloadSimulator.Options(DAYS, 150, 41, START, TOKYO,
                        PseudonymPeriod.MONTH).withPopulation(new WorkloadSimulator.Population(40, 30, 40, 0)
                        .withRotation(0.05, 0.01)), sim));
        kafka = clusters.kafka().bootstrapServers();
        clickhouse18 = clusters.clickhouse().httpUrl();
    }

    @AfterAll
    void stop() throws IOException {
        if (current != null) {
            current.close();
        }
    }

    @Test
    @Order(1)
    void everyMigrationRunsOnTheCurrentReleaseAndMakesTheSameTables() {
        for (ClickHouseHttp ch : engines()) {
            new SchemaMigrator(ch).migrate();
        }
        assertThat(current().selectLong("SELECT toUInt64(splitByChar('.', version())[1])")).isGreaterThanOrEqualTo(26);
        String migrations = "SELECT name FROM schema_migrations ORDER BY name";
        assertThat(rows(current(), migrations)).isEqualTo(rows(old(), migrations)).isNotEmpty();
        // column order matters to the RowBinary inserts, and 18.16's system.columns has no position: DESCRIBE
        String tables = "SELECT name FROM system.tables WHERE database = '" + DB + "' ORDER BY name";
        assertThat(rows(current(), tables)).isEqualTo(rows(old(), tables));
        for (String table : rows(old(), tables)) {
            String describe = "DESCRIBE TABLE " + table;
            assertThat(rows(current(), describe).stream().map(CurrentClickHouseIT::nameAndType))
                    .as(table).containsExactlyElementsOf(rows(old(), describe).stream()
                            .map(CurrentClickHouseIT::nameAndType).toList());
        }
        // the profile's settings, as the writer sees them
        assertThat(rows(current(), "SELECT name, value FROM system.settings WHERE name IN ('insert_deduplicate', "
                + "'async_insert') ORDER BY name")).containsExactly("async_insert\t0", "insert_deduplicate\t0");
    }

    @Test
    @Order(2)
    void aReplayGivesTheTruthOnBothAndEveryRequestTheSameAnswer() throws Exception {
        replayIntoBoth();
        ApRegistry registry = ApRegistry.load(sim.resolve("registry.csv"));
        Sites sites = new Sites(registry);
        for (ClickHouseHttp ch : engines()) {
            new DeviceSegments(ch, sites, TOKYO, SegmentPeriod.MONTH).refreshAll();
        }
        String devices = "SELECT period, device_id, segment FROM device_segments FINAL ORDER BY period, device_id";
        assertThat(rows(current(), devices)).isEqualTo(rows(old(), devices)).isNotEmpty();

        String site = sites.all().iterator().next().siteId();
        CatalogueSweep sweep = new CatalogueSweep(START, START.plusDays(DAYS - 1), site, sites.areaOf(site), "en");
        assertThat(sweep.differences(catalogue(old(), sites, null, Release.exact(1)),
                catalogue(current(), sites, null, Release.exact(1)))).as("exact answers, counted live").isEmpty();
        PeriodCache oldCache = new PeriodCache(old(), old(), sites);
        PeriodCache currentCache = new PeriodCache(current(), current(), sites);
        assertThat(currentCache.refresh()).isEqualTo(oldCache.refresh()).isPositive();
        Release released = Release.cellKey("current-clickhouse-it-secret".getBytes(StandardCharsets.UTF_8), 10);
        assertThat(sweep.differences(catalogue(old(), sites, oldCache, released),
                catalogue(current(), sites, currentCache, released))).as("released answers, from the period cache")
                .isEmpty();
        System.out.println("CurrentClickHouseIT: " + sweep.requests() + " requests answered alike by 18.16 and "
                + current().select("SELECT version()").get(0)[0]);

        assertThat(catalogue(current(), sites, null, released).coverage().days())
                .isEqualTo(catalogue(old(), sites, null, released).coverage().days()).hasSize(DAYS);
        // the hotspot health rows depend on how the job's partitions interleave (when a silence is noticed), so
        // two replays may differ: the board is compared on the same stored rows, copied from 18.16
        for (String table : List.of("ap_minute", "alerts")) {
            copyRows(table);
        }
        long end = START.plusDays(DAYS).atStartOfDay(TOKYO).toInstant().toEpochMilli();
        assertThat(String.valueOf(new HotspotBoard(current(), registry).board(end)))
                .isEqualTo(String.valueOf(new HotspotBoard(old(), registry).board(end)));
        assertThat(String.valueOf(new HotspotBoard(current(), registry).log(end, 50)))
                .isEqualTo(String.valueOf(new HotspotBoard(old(), registry).log(end, 50)));
    }

    @Test
    @Order(3)
    void aReplayAfterATruncateGetsTheTruthAgainOnBoth() throws Exception {
        for (ClickHouseHttp ch : engines()) {
            for (String[] table : ch.select("SELECT name FROM system.tables WHERE database = '" + DB + "' AND engine "
                    + "NOT LIKE '%View' AND name != 'schema_migrations'")) {
                ch.execute("TRUNCATE TABLE " + table[0]);
            }
            assertThat(ch.selectLong("SELECT count() FROM visits")).isZero();
        }
        replayIntoBoth();
    }

    /** The same files replayed into each engine (one pseudonym secret: the same rows), each then equal to truth. */
    private void replayIntoBoth() throws Exception {
        for (ClickHouseHttp ch : engines()) {
            AppConfig c = new AppConfig(dir.resolve("home"), kafka, ch.baseUrl(), DB, TOKYO, 1,
                    PseudonymPeriod.MONTH, "it-secret", dir.resolve("archive").toUri().toString());
            new Replay(c, c.secret(Map.of()), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), false).run(List.of(sim.resolve("hostapd.log"),
                    sim.resolve("portal.jsonl")), SourceOptions.defaults(ApRegistry.load(sim.resolve("registry.csv"))),
                    UnaryOperator.identity());
            try {
                new SimulatedTruth(sim, START, DAYS).assertPipelineAnswers(ch);
            } catch (AssertionError e) {
                throw new AssertionError("not the truth on " + engineName(ch) + ": " + e.getMessage(), e);
            }
        }
    }

    /** {@code table}'s rows on 18.16, in RowBinary, replace those on chdb (the columns are the same, in order). */
    private void copyRows(String table) throws IOException, InterruptedException {
        current().execute("TRUNCATE TABLE " + table);
        HttpClient http = HttpClient.newHttpClient();
        byte[] rows = http.send(HttpRequest.newBuilder(URI.create(clickhouse18 + "/?database=" + DB))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT * FROM " + table + " FORMAT RowBinary")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        String insert = URLEncoder.encode("INSERT INTO " + table + " FORMAT RowBinary", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(current.url() + "/?database=" + DB
                + "&query=" + insert)).POST(HttpRequest.BodyPublishers.ofByteArray(rows)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(current().selectLong("SELECT count() FROM " + table))
                .isEqualTo(old().selectLong("SELECT count() FROM " + table)).isPositive();
    }

    private static MetricCatalogue catalogue(ClickHouseHttp ch, Sites sites, PeriodCache cache, Release release) {
        return new MetricCatalogue(ch, sites, release, cache);
    }

    private static List<String> rows(ClickHouseHttp ch, String sql) {
        return ch.select(sql).stream().map(ClickHouseHttp::tsvRow).toList();
    }

    private static String nameAndType(String describeRow) {
        String[] fields = describeRow.split("\t");
        return fields[0] + " " + fields[1];
    }

    private String engineName(ClickHouseHttp ch) {
        return ch.baseUrl().equals(clickhouse18) ? "ClickHouse 18.16" : "chdb " + current.url();
    }

    private List<ClickHouseHttp> engines() {
        return List.of(old(), current());
    }

    private ClickHouseHttp old() {
        return new ClickHouseHttp(clickhouse18, DB);
    }

    private ClickHouseHttp current() {
        return new ClickHouseHttp(current.url(), DB);
    }
}
