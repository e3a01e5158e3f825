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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.ingest.registry.AccessPoint;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.ClickHouseServer;
import jp.tabiji.stack.KafkaBroker;
import jp.tabiji.stack.KafkaCluster;
import jp.tabiji.streaming.KafkaEventsJob;
import jp.tabiji.streaming.VisitJob;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three KRaft brokers in their own JVMs, Tabiji's topics with three replicas and two required in sync: a live
 * job and a replay each keep the simulator's exact truth while the broker leading their partition is SIGKILLed
 * mid-run and restarted. The brokers and the ClickHouse server are {@link SharedClusters}'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedClusters.Resolver.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaClusterIT {
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final int DAYS = 2;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Duration DOWN = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    private KafkaCluster kafka;
    private ClickHouseServer clickhouse;

    @BeforeAll
    void startCluster(SharedClusters clusters) throws IOException {
        clusters.start(EnumSet.of(SharedClusters.Part.KAFKA, SharedClusters.Part.CLICKHOUSE));
        kafka = clusters.kafka();
        clickhouse = clusters.clickhouse();
    }

    @Test
    @Order(0)
    void topicsKeepThreeReplicasAndNeedTwoInSync() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            for (TopicDescription t : admin.describeTopics(List.of(Topics.EVENTS, Topics.DLQ, Topics.INGEST_OFFSETS))
                    .allTopicNames().get().values()) {
                assertThat(t.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            }
            ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS);
            assertThat(admin.describeConfigs(List.of(events)).all().get().get(events).get("min.insync.replicas")
                    .value()).isEqualTo("2");
        }
    }

    @Test
    @Order(1)
    void aLiveJobKeepsTheTruthWhileTheLeadingBrokerDiesAndReturns() throws Exception {
        Path sim = simulate(21);
        AppConfig config = config("live");
        new SchemaMigrator(new ClickHouseHttp(clickhouse.httpUrl(), "live")).migrate();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2,
                EmbeddedJobRunner.checkpointsIn(dir.resolve("checkpoints-live")));
        env.enableCheckpointing(1_000);
        KafkaEventsJob.defineLive(env, new KafkaEventsJob.Settings(kafka.bootstrapServers(), clickhouse.httpUrl(),
                "live", TOKYO, VisitJob.DEFAULT_OUT_OF_ORDERNESS, 1_000, config.archive(),
                // a partition whose leader is away must not count as idle: were it left out of the watermark, its
                // events would all be late once its new leader serves them (the default minute outlasts failover)
                KafkaEventsJob.DEFAULT_IDLENESS));
        // earlier tests' events are on the shared brokers: the live job starts at the end, as one deployed mid-stream
        commitLiveGroupAtEnd();
        JobClient job = env.executeAsync("live job on three brokers");
        try {
            long lines = lines(sim);
            BrokerFault fault = BrokerFault.killLeaderWhen(kafka, () -> published() > lines / 4, DOWN);
            replay(config).publish(inputs(sim), options(sim));
            BrokerFault.Recovery recovery = fault.await();
            System.out.println("KafkaClusterIT live: " + recovery);
            // the live job closes the last visits once event time passes them: a later event on each partition
            AccessPoint ap = ApRegistry.load(sim.resolve("registry.csv")).accessPoints().iterator().next();
            long later = START.plusDays(DAYS + 7).atStartOfDay(TOKYO).toInstant().toEpochMilli();
            for (int partition = 0; partition < 2; partition++) {
                EventsTopic.sendToPartition(kafka.bootstrapServers(), partition, List.of(new WifiEvent(later,
                        ap.apId(), ap.siteId(), "flush-" + partition, false, EventType.CONNECT, null, "test")));
            }
            new SimulatedTruth(sim, START, DAYS).awaitPipelineAnswers(new ClickHouseHttp(clickhouse.httpUrl(), "live"),
                    Duration.ofSeconds(120));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    @Order(2)
    void aReplayKeepsTheTruthThroughBrokerCrashesWhilePublishingAndReadingAndAgainAfterATruncate() throws Exception {
        Path sim = simulate(22);
        AppConfig config = config("replay");
        long lines = lines(sim);
        long before = published();
        // while publishing: the leader of the events' first partition, by an outside watcher
        BrokerFault publishing = BrokerFault.killLeaderWhen(kafka, () -> published() - before > lines / 3, DOWN);
        // while the job reads: whichever leads that partition now, by the job's own operator after 2,000 events
        KafkaBroker[] reading = new KafkaBroker[1];
        Replay.Summary summary = replay(config).run(inputs(sim), options(sim), events -> {
            try {
                publishing.await();
                reading[0] = kafka.broker(BrokerFault.leaderOfEvents(kafka));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return events.map(new KillProcessAfter(reading[0].pid(), 2_000)).name("kill a broker");
        });
        System.out.println("KafkaClusterIT replay, while publishing: " + publishing.await());
        BrokerFault.Recovery whileReading = BrokerFault.restartOnceDead(kafka, reading[0], DOWN).await();
        System.out.println("KafkaClusterIT replay, while the job reads: " + whileReading);
        assertThat(summary.published() + summary.rejected() + summary.skipped()).isEqualTo(summary.lines());
        ClickHouseHttp ch = new ClickHouseHttp(clickhouse.httpUrl(), "replay");
        new SimulatedTruth(sim, START, DAYS).assertPipelineAnswers(ch);

        // emptied and replayed: the very rows come again, and the server's profile must not drop them as duplicates
        for (String[] table : ch.select("SELECT name FROM system.tables WHERE database = 'replay' AND engine NOT "
                + "LIKE '%View' AND name != 'schema_migrations'")) {
            ch.execute("TRUNCATE TABLE " + table[0]);
        }
        assertThat(ch.selectLong("SELECT count() FROM visits")).isZero();
        replay(config).run(inputs(sim), options(sim), UnaryOperator.identity());
        new SimulatedTruth(sim, START, DAYS).assertPipelineAnswers(ch);
    }

    private AppConfig config(String database) {
        return new AppConfig(dir.resolve("home-" + database), kafka.bootstrapServers(), clickhouse.httpUrl(), database,
                TOKYO, 10, PseudonymPeriod.MONTH, "it-secret", dir.resolve("archive-" + database).toUri().toString());
    }

    private static Replay replay(AppConfig c) throws IOException {
        return new Replay(c, c.secret(Map.of()), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), false);
    }

    private Path simulate(long seed) throws IOException {
        Path out = dir.resolve("sim-" + seed);
        new WorkloadSimulator().write(new WorkloadSimulator.Options(DAYS, 500, seed, START, TOKYO,
                PseudonymPeriod.MONTH), out);
        return out;
    }

    private static List<Path> inputs(Path sim) {
        return List.of(sim.resolve("hostapd.log"), sim.resolve("portal.jsonl"));
    }

    private static SourceOptions options(Path sim) throws IOException {
        return SourceOptions.defaults(ApRegistry.load(sim.resolve("registry.csv")));
    }

    private static long lines(Path sim) throws IOException {
        long n = 0;
        for (Path p : inputs(sim)) {
            try (var s = Files.lines(p, StandardCharsets.UTF_8)) {
                n += s.count();
            }
        }
        return n;
    }

    private void commitLiveGroupAtEnd() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
        KafkaOffsets.latest(kafka.bootstrapServers(), Topics.EVENTS).forEach((partition, offset) -> end.put(
                new TopicPartition(Topics.EVENTS, partition), new OffsetAndMetadata(offset)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(KafkaEventsJob.LIVE_GROUP, end).all().get();
        }
    }

    /** Events on the topic so far (offsets, read from whichever brokers answer; 0 while none does). */
    private long published() {
        try {
            return KafkaOffsets.latest(kafka.bootstrapServers(), Topics.EVENTS).values().stream()
                    .mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            return 0;
        }
    }
}
