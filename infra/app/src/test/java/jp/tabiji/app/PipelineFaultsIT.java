package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.ClickHouseServer;
import jp.tabiji.stack.KafkaCluster;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline through issue 16's faults: a replay of two simulated days runs on the Flink session cluster
 * (three Kafka brokers, one ClickHouse server) while, in turn, its TaskManager is SIGKILLed and replaced, the broker
 * leading its partition is SIGKILLed and restarted, the ClickHouse server is SIGKILLed and restarted, and the
 * Parquet archive's disk is full for a while. The job fails loudly where it cannot go on, restarts with backoff,
 * and ends with every number equal to truth.json and every accepted event in the archive exactly once. Each fault's
 * recovery time (from the fault to the first checkpoint after its repair) is printed for docs/DEPLOY.md. The archive
 * count is what caught the decoder sending events to the DLQ when the chained archive sink failed (EventDecoderTest).
 * A consumer quota on the brokers paces the job while the faults come, so that it is still reading at each on a
 * faster machine too (on CI's, unthrottled, it finished before the third); then the job reads at full speed.
 * The servers are {@link SharedClusters}'.
 */
@ExtendWith(SharedClusters.Resolver.class)
class PipelineFaultsIT {
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final int DAYS = 2;
    private static final int DEVICES = 12_000;
    /**
     * The time the events would take to fetch at the consumer quota, whatever the machine. A paced job runs about
     * 2.5 times as long (fetches come in bursts and each restart fetches again from its checkpoint): time for the
     * four faults and their recoveries (about 90 s) with room to spare. The quota is lifted after the last fault.
     */
    private static final Duration READ_TIME = Duration.ofSeconds(75);
    /** Bytes of lz4-batched events on the brokers per byte of simulated log (measured: see the printed report). */
    private static final double TOPIC_BYTES_PER_LOG_BYTE = 0.41;
    private static final int EVENT_PARTITIONS = 2;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Duration BROKER_DOWN = Duration.ofSeconds(5);
    private static final Duration CLICKHOUSE_DOWN = Duration.ofSeconds(25);
    private static final Duration DISK_FULL = Duration.ofSeconds(10);
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(2);
    private static final String ENOSPC = "No space left on device";

    @TempDir
    Path dir;
    private final List<String> report = new ArrayList<>();

    @Test
    void aReplayOnTheClusterKeepsTheTruthThroughEachFaultInTurn(SharedClusters clusters) throws Exception {
        Path sim = dir.resolve("sim");
        clusters.start(EnumSet.of(SharedClusters.Part.KAFKA, SharedClusters.Part.CLICKHOUSE,
                SharedClusters.Part.FLINK), () -> new WorkloadSimulator().write(new WorkloadSimulator.Options(DAYS,
                DEVICES, 31, START, TOKYO, PseudonymPeriod.MONTH), sim));
        KafkaCluster kafka = clusters.kafka();
        ClickHouseServer clickhouse = clusters.clickhouse();
        FlinkSessionCluster flink = clusters.flink();
        try {
            long logBytes = Files.size(sim.resolve("hostapd.log")) + Files.size(sim.resolve("portal.jsonl"));
            long quota = (long) (logBytes * TOPIC_BYTES_PER_LOG_BYTE / EVENT_PARTITIONS / READ_TIME.toSeconds());
            long bytesBefore = ConsumerThrottle.topicBytes(kafka, Topics.EVENTS); // earlier tests' events
            ConsumerThrottle.limit(kafka, quota);
            Path archive = dir.resolve("archive");
            AppConfig config = new AppConfig(dir.resolve("home"), kafka.bootstrapServers(), clickhouse.httpUrl(),
                    "faults", TOKYO, 1, PseudonymPeriod.MONTH, "it-secret", DiskFullFileSystem.uri(archive));
            ClusterSubmitter submitter = new ClusterSubmitter(flink.restAddress(), FlinkClusterIT.jobJar().toString(),
                    List.of("--checkpoint-interval-ms", "500"));
            CompletableFuture<Replay.Summary> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Replay(config, config.secret(Map.of()), new PrintStream(new ByteArrayOutputStream(),
                            true, StandardCharsets.UTF_8), false).run(List.of(sim.resolve("hostapd.log"),
                            sim.resolve("portal.jsonl")), SourceOptions.defaults(ApRegistry.load(
                            sim.resolve("registry.csv"))), UnaryOperator.identity(), submitter);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            String job = flink.awaitCompletedCheckpoint(Duration.ofMinutes(5));

            fault(run, flink, job, "TaskManager SIGKILL, a new one started at once", true, () -> {
                flink.killTaskManager();
                flink.startTaskManager();
            });
            assertThat(flink.rest("/jobs/" + job + "/checkpoints").path("latest").path("restored").path("id").asLong())
                    .as("the job resumed from a checkpoint, not from the start").isPositive();
            fault(run, flink, job, "Kafka broker leading tabiji.events-0 SIGKILL, restarted after "
                    + BROKER_DOWN.toSeconds() + " s", false, () -> report.add("  (" + BrokerFault.killLeaderWhen(
                    kafka, () -> true, BROKER_DOWN).await() + ")"));
            // the sink retries an insert for about 12 s: whether the job fails over depends on when its first
            // insert of the outage comes (a slow stretch of closed visits may have it ride the outage out)
            fault(run, flink, job, "ClickHouse server SIGKILL, restarted after " + CLICKHOUSE_DOWN.toSeconds() + " s",
                    false, () -> {
                        clickhouse.kill();
                        Thread.sleep(CLICKHOUSE_DOWN.toMillis());
                        clickhouse.start();
                    });
            fault(run, flink, job, "archive disk full for " + DISK_FULL.toSeconds() + " s", true, () -> {
                flink.diskFull(true);
                awaitFailure(flink, job, ENOSPC);
                Thread.sleep(DISK_FULL.toMillis());
                flink.diskFull(false);
            });

            assertThat(run).as("the job still reads after the last fault").isNotDone();
            ConsumerThrottle.lift(kafka);
            Replay.Summary summary = run.get(10, TimeUnit.MINUTES);
            long topicBytes = ConsumerThrottle.topicBytes(kafka, Topics.EVENTS) - bytesBefore;
            report.add(String.format("the job read %,d bytes of events (%.2f per log byte), at %,d bytes/s per "
                    + "partition until the last fault", topicBytes, (double) topicBytes / logBytes, quota));
            report.add(String.format("the job ran %.1f s in all", flink.rest("/jobs/" + job).path("duration")
                    .asLong() / 1e3));
            System.out.println("PipelineFaultsIT, " + summary.published() + " events:\n" + String.join("\n", report));
            new SimulatedTruth(sim, START, DAYS).assertPipelineAnswers(new ClickHouseHttp(clickhouse.httpUrl(),
                    "faults"));
            assertThat(archivedEvents(archive)).as("every accepted event in the archive once")
                    .isEqualTo(summary.published());
            // a failed attempt's part file stays behind hidden, as readers of Flink's (and Hive's) layout expect
            System.out.println("PipelineFaultsIT: " + hiddenParts(archive).size() + " hidden part files of failed "
                    + "attempts");
        } finally {
            // the servers are shared: none may stay throttled or full for the next test, even after a failure
            ConsumerThrottle.lift(kafka);
            flink.diskFull(false);
        }
    }

    /** A fault and its repair. */
    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    /**
     * Injects one fault into the running job and waits for its recovery: the first checkpoint triggered after
     * the repair. {@code mustRestart}: the job cannot ride this fault out and has to fail over (loudly).
     */
    private void fault(CompletableFuture<Replay.Summary> run, FlinkSessionCluster flink, String job, String what,
                       boolean mustRestart, Fault fault) throws Exception {
        assertThat(run).as("the replay still runs when the fault '" + what + "' comes (else: a longer READ_TIME)")
                .isNotDone();
        long restarts = flink.restarts(job);
        long t0 = System.currentTimeMillis();
        fault.inject();
        long repaired = System.currentTimeMillis();
        long safe = flink.awaitCheckpointTriggeredAfter(job, repaired, RECOVERY_LIMIT);
        long restarted = flink.restarts(job) - restarts;
        report.add(String.format("%s: checkpointed again %.1f s after the fault (%.1f s after its repair), %d job "
                + "restart(s)", what, (safe - t0) / 1e3, (safe - repaired) / 1e3, restarted));
        System.out.println("PipelineFaultsIT: " + report.get(report.size() - 1));
        if (mustRestart) {
            assertThat(restarted).as(what + ": the job failed over").isPositive();
        }
    }

    /** Waits until the job has failed with {@code message} somewhere in its cause chain. */
    private static void awaitFailure(FlinkSessionCluster flink, String job, String message) throws Exception {
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (flink.failures(job).stream().noneMatch(f -> f.contains(message))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the job did not fail with '" + message + "': " + flink.failures(job));
            }
            Thread.sleep(200);
        }
    }

    private static long archivedEvents(Path archive) throws IOException {
        long n = 0;
        for (Path f : parts(archive).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
            try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(f))
                    .withDataModel(GenericData.get()).build()) {
                while (r.read() != null) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Files the sink has not committed: FileSink names them {@code .events-...inprogress...}. */
    private static List<Path> hiddenParts(Path archive) throws IOException {
        return parts(archive).filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }

    private static Stream<Path> parts(Path archive) throws IOException {
        try (Stream<Path> walk = Files.walk(archive)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        }
    }
}
