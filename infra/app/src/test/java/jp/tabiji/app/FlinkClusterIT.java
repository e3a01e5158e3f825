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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real Flink session cluster (a JobManager and a TaskManager in their own JVMs): a replay run
 * there gives exactly the numbers of the same replay run embedded. Its faults (a TaskManager killed mid-run, and
 * the rest) are {@link PipelineFaultsIT}'s, on the same cluster ({@link SharedClusters}').
 */
@ExtendWith(SharedClusters.Resolver.class)
class FlinkClusterIT {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    @TempDir
    Path dir;

    @Test
    void aReplayOnTheClusterEqualsTheEmbeddedOne(SharedClusters clusters) throws Exception {
        Path sim = dir.resolve("sim");
        clusters.start(EnumSet.of(SharedClusters.Part.KAFKA, SharedClusters.Part.CLICKHOUSE,
                SharedClusters.Part.FLINK), () -> new WorkloadSimulator().write(new WorkloadSimulator.Options(2, 300,
                21, START, TOKYO, PseudonymPeriod.MONTH), sim));
        String kafka = clusters.kafka().bootstrapServers();
        String clickhouse = clusters.clickhouse().httpUrl();
        Replay.Summary embedded = replay(kafka, clickhouse, "embedded", sim, null);
        Replay.Summary onCluster = replay(kafka, clickhouse, "cluster", sim, new ClusterSubmitter(
                clusters.flink().restAddress(), jobJar().toString()));
        assertThat(onCluster.visits()).as("the cluster job's counters reach the summary")
                .isEqualTo(embedded.visits()).isPositive();
        for (String db : List.of("embedded", "cluster")) {
            assertThat(new ClickHouseHttp(clickhouse, db).selectLong("SELECT count() FROM visits")).as(db)
                    .isPositive();
        }
        assertThat(results(clickhouse, "cluster")).isEqualTo(results(clickhouse, "embedded"));
    }

    private Replay.Summary replay(String kafka, String clickhouse, String database, Path sim, ClusterSubmitter cluster)
            throws Exception {
        AppConfig c = new AppConfig(dir.resolve("home"), kafka, clickhouse, database, TOKYO, 1, PseudonymPeriod.MONTH,
                "it-secret", dir.resolve("archive-" + database).toUri().toString());
        return new Replay(c, c.secret(Map.of()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false).run(List.of(sim.resolve("hostapd.log"), sim.resolve("portal.jsonl")),
                SourceOptions.defaults(ApRegistry.load(sim.resolve("registry.csv"))), UnaryOperator.identity(), cluster);
    }

    private static String results(String clickhouse, String database) {
        ClickHouseHttp ch = new ClickHouseHttp(clickhouse, database);
        LocalDate to = START.plusDays(2);
        return String.valueOf(ExactQuery.run(ch, "visitors", "site,day,lang", START, to).rows())
                + ExactQuery.run(ch, "flows", "lang", START, to).rows() + ExactQuery.run(ch, "dwell", null, START, to).rows();
    }

    /** The reactor builds streaming/target/tabiji-streaming-*-job.jar before this module's tests. */
    static Path jobJar() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "..", "streaming", "target"))) {
            return s.filter(p -> p.getFileName().toString().endsWith("-job.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no job jar in streaming/target"));
        }
    }
}
