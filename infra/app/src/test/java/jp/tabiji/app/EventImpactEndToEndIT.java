package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.EventCrowd;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.LocalStack;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three weeks of usual visitors and a festival's crowd the simulator injects at Matsushima on a Sunday and the holiday
 * after it (勤労感謝の日, a Monday), replayed through Kafka, Flink and ClickHouse: `tabiji events impact` finds an
 * uplift whose 95 % interval holds the injected devices on each day and in total, a site without a crowd gets an
 * interval holding none, and `tabiji events destinations` finds the crowd's next site gaining share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventImpactEndToEndIT {
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final int DAYS = 22;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final EventCrowd FESTIVAL = EventCrowd.parse(
            "松島かき祭り:2026-11-22/2026-11-23:matsushima:120:zuiganji");

    /**
     * The cell-key noise is keyed by the release secret, a random one per state folder unless given: a fixed one
     * makes each run publish the same cells, so that the 95 % intervals, which miss one draw in twenty, are checked
     * on one draw and not a new one each run (their coverage over many draws is VisitorBaselineTest's).
     */
    private static final String RELEASE_SECRET = "event-impact-it-release-secret";

    @TempDir
    static Path dir;
    private LocalStack stack;
    private Path sim;
    private final Map<String, Long> injected = new HashMap<>();

    @BeforeAll
    void simulateAndReplay() throws Exception {
        stack = LocalStack.startOnFreePorts(dir.resolve("stack"));
        sim = dir.resolve("sim");
        new WorkloadSimulator().write(new WorkloadSimulator.Options(DAYS, 2500, 21, START, TOKYO, PseudonymPeriod.MONTH)
                .withCrowds(List.of(FESTIVAL)), sim);
        JsonNode crowd = new ObjectMapper().readTree(sim.resolve("truth.json").toFile()).get("eventCrowds").get(0);
        crowd.get("addedBySiteDay").forEach(d -> injected.put(d.get("day").asText(), d.get("visitors").asLong()));
        AppConfig c = new AppConfig(dir.resolve("home"), stack.kafkaBootstrap(), stack.clickhouseUrl(), "festival",
                TOKYO, 10, PseudonymPeriod.MONTH, "it-secret", dir.resolve("archive").toUri().toString());
        new Replay(c, c.secret(Map.of()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false).run(List.of(sim.resolve("hostapd.log"), sim.resolve("portal.jsonl")),
                SourceOptions.defaults(ApRegistry.load(sim.resolve("registry.csv"))), UnaryOperator.identity());
        cli("events", "add", FESTIVAL.name(), "--from", "2026-11-22", "--to", "2026-11-23", "--sites", "matsushima");
        cli("events", "add", "control", "--from", "2026-11-22", "--to", "2026-11-23", "--sites", "akiu-onsen");
    }

    @AfterAll
    void stopStack() throws IOException {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void theUpliftsIntervalHoldsTheInjectedCrowdOnEachDayAndInTotal() throws Exception {
        assertThat(injected).containsOnlyKeys("2026-11-22", "2026-11-23").containsValue(120L);
        List<CSVRecord> rows = csv(cli("events", "impact", FESTIVAL.name(), "--format", "csv"));
        assertThat(rows).extracting(r -> r.get("day")).containsExactly("2026-11-22", "2026-11-23", "total");
        for (CSVRecord r : rows) {
            long truth = r.get("day").equals("total") ? injected.values().stream().mapToLong(Long::longValue).sum()
                    : injected.get(r.get("day"));
            assertThat(Long.parseLong(r.get("uplift_low"))).as(r.toString()).isPositive().isLessThanOrEqualTo(truth);
            assertThat(Long.parseLong(r.get("uplift_high"))).as(r.toString()).isGreaterThanOrEqualTo(truth);
        }
        for (CSVRecord r : csv(cli("events", "impact", "control", "--format", "csv"))) {
            assertThat(Long.parseLong(r.get("uplift_low"))).as(r.toString()).isNegative();
            assertThat(Long.parseLong(r.get("uplift_high"))).as(r.toString()).isPositive();
        }
    }

    @Test
    void theCrowdsNextSiteGainsShareBeyondItsInterval() throws Exception {
        List<CSVRecord> rows = csv(cli("events", "destinations", FESTIVAL.name(), "--format", "csv"));
        CSVRecord zuiganji = rows.stream().filter(r -> r.get("destination_site_id").equals("zuiganji")).findFirst()
                .orElseThrow();
        // half the crowd goes on to Zuiganji: its share of the trips leaving Matsushima rises, the others' fall
        assertThat(Double.parseDouble(zuiganji.get("share_change_low"))).as(zuiganji.toString()).isPositive();
        assertThat(Double.parseDouble(zuiganji.get("event_share_low")))
                .isLessThanOrEqualTo(Double.parseDouble(zuiganji.get("event_share")));
        assertThat(rows.stream().filter(r -> !r.get("destination_site_id").equals("zuiganji")
                && !r.get("share_change").isEmpty()).mapToDouble(r -> Double.parseDouble(r.get("share_change"))))
                .allMatch(change -> change <= 0.5);
    }

    private String cli(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--registry", sim.resolve("registry.csv").toString()));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = TabijiCli.run(all.toArray(String[]::new), Map.of("TABIJI_HOME", dir.resolve("home").toString(),
                "TABIJI_CLICKHOUSE", stack.clickhouseUrl(), "TABIJI_CLICKHOUSE_DB", "festival",
                "TABIJI_RELEASE_SECRET", RELEASE_SECRET),
                new PrintStream(said, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String out = said.toString(StandardCharsets.UTF_8);
        System.out.println(String.join(" ", args) + "\n" + out);
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }
}
