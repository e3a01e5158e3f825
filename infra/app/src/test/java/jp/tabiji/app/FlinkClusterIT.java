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
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real Flink session cluster (a JobManager and a TaskManager in their own JVMs): a replay run
 * there gives exactly the numbers of the same replay run embedded. Its faults (a TaskManager killed mid-run, and
 * the rest) are {@link PipelineFaultsIT}'s, on the same kind of cluster.
 */
class FlinkClusterIT {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    @TempDir
    Path dir;

    @Test
    void aReplayOnTheClusterEqualsTheEmbeddedOne() throws Exception {
        Path sim = dir.resolve("sim");
        new WorkloadSimulator().write(new WorkloadSimulator.Options(2, 300, 21, START, TOKYO, PseudonymPeriod.MONTH),
                sim);
        try (LocalStack stack = LocalStack.startOnFreePorts(dir.resolve("stack"));
             FlinkSessionCluster flink = new FlinkSessionCluster(dir.resolve("flink")).start()) {
            Replay.Summary embedded = replay(stack, "embedded", sim, null);
            Replay.Summary onCluster = replay(stack, "cluster", sim, new ClusterSubmitter(flink.restAddress(),
                    jobJar().toString()));
            assertThat(onCluster.visits()).as("the cluster job's counters reach the summary")
                    .isEqualTo(embedded.visits()).isPositive();
            for (String db : List.of("embedded", "cluster")) {
                assertThat(new ClickHouseHttp(stack.clickhouseUrl(), db).selectLong("SELECT count() FROM visits"))
                        .as(db).isPositive();
            }
            assertThat(results(stack, "cluster")).isEqualTo(results(stack, "embedded"));
        }
    }

    private Replay.Summary replay(LocalStack stack, String database, Path sim, ClusterSubmitter cluster)
            throws Exception {
        AppConfig c = new AppConfig(dir.resolve("home"), stack.kafkaBootstrap(), stack.clickhouseUrl(), database,
                TOKYO, 1, PseudonymPeriod.MONTH, "it-secret", dir.resolve("archive-" + database).toUri().toString());
        return new Replay(c, c.secret(Map.of()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false).run(List.of(sim.resolve("hostapd.log"), sim.resolve("portal.jsonl")),
                SourceOptions.defaults(ApRegistry.load(sim.resolve("registry.csv"))), UnaryOperator.identity(), cluster);
    }

    private static String results(LocalStack stack, String database) {
        ClickHouseHttp ch = new ClickHouseHttp(stack.clickhouseUrl(), database);
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
