package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.ClusterSchema;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.ClickHouseCluster;
import jp.tabiji.stack.ClickHouseServer;
import jp.tabiji.stack.KafkaCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClickHouse 18.16 as two shards of two replicas (ZooKeeper 3.9 from Maven Central) with the schema of
 * {@code infra/deploy/clickhouse/replicated.sql} applied by the migrator's cluster mode: a replay writes
 * through the Distributed tables while one replica is SIGKILLed and restarted, and every answer, read from
 * any node, equals the truth; both replicas of each shard end with the same rows. A whole shard away for a
 * while (both its servers SIGKILLed, back 10 s later) costs nothing either: the writer keeps its blocks. The
 * servers (and the three Kafka brokers the replays publish to) are {@link SharedClusters}'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedClusters.Resolver.class)
class ReplicatedClickHouseIT {
    private static final LocalDate START = LocalDate.of(2026, 11, 2);
    private static final int DAYS = 2;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final List<String> SHARDED = List.of("visits_local", "site_day_visitors_local",
            "site_hour_visitors_local", "moves_local", "ap_minute_local");

    @TempDir
    static Path dir;
    private KafkaCluster kafka;
    private ClickHouseCluster clickhouse;

    @BeforeAll
    void start(SharedClusters clusters) throws IOException {
        clusters.start(EnumSet.of(SharedClusters.Part.CLICKHOUSE_CLUSTER, SharedClusters.Part.KAFKA));
        clickhouse = clusters.clickhouseCluster();
        kafka = clusters.kafka();
    }

    @Test
    void fourServersFormTwoShardsOfTwoReplicasAndTakeTheDeployedSchemaFromClickHouseClient() throws Exception {
        String out = client(clickhouse.server(1, 1), "SELECT shard_num, replica_num FROM system.clusters WHERE "
                + "cluster = '" + ClickHouseCluster.NAME + "' ORDER BY shard_num, replica_num FORMAT CSV");
        assertThat(out.trim().split("\\n")).containsExactly("1,1", "1,2", "2,1", "2,2");
        assertThat(client(clickhouse.server(2, 2), "SELECT count() FROM system.zookeeper WHERE path = '/'").trim())
                .isNotEqualTo("0");
        // the file as an operator applies it, unchanged (the tests' other databases come from the migrator)
        Process p = new ProcessBuilder("clickhouse-client", "--port", Integer.toString(clickhouse.server(1, 1)
                .tcpPort()), "--multiquery").redirectInput(Path.of("../deploy/clickhouse/replicated.sql").toFile())
                .redirectErrorStream(true).start();
        String applied = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(applied).isZero();
        assertThat(client(clickhouse.server(2, 2), "SELECT count() FROM system.tables WHERE database = 'tabiji' "
                + "AND name = 'visits_local'").trim()).as("created on every server").isEqualTo("1");
    }

    private static String client(ClickHouseServer s, String query) throws Exception {
        Process p = new ProcessBuilder("clickhouse-client", "--port", Integer.toString(s.tcpPort()), "-q", query)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aReplayThroughTheClusterKeepsTheTruthWhileAReplicaDiesAndReturns() throws Exception {
        ClickHouseServer writer = clickhouse.server(1, 1);
        ClickHouseServer victim = clickhouse.server(1, 2);
        ClickHouseHttp ch = new ClickHouseHttp(writer.httpUrl(), "cluster1");
        // as an operator creates it: `tabiji schema --cluster`, the migrator's cluster mode
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);
        assertThat(TabijiCli.run(new String[] {"schema", "--cluster"}, Map.of("TABIJI_HOME", dir.resolve("cli")
                .toString(), "TABIJI_CLICKHOUSE", writer.httpUrl(), "TABIJI_CLICKHOUSE_DB", "cluster1"), out, out))
                .as(said.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("database cluster1 on cluster");
        ClickHouseHttp farthest = new ClickHouseHttp(clickhouse.server(2, 2).httpUrl(), "cluster1");
        farthest.execute("SYSTEM SYNC REPLICA schema_migrations");
        assertThat(farthest.selectLong("SELECT count() FROM schema_migrations"))
                .isEqualTo(SchemaMigrator.migrations().size());

        Path sim = dir.resolve("sim");
        new WorkloadSimulator().write(new WorkloadSimulator.Options(DAYS, 500, 31, START, TOKYO,
                PseudonymPeriod.MONTH), sim);
        AppConfig config = new AppConfig(dir.resolve("home"), kafka.bootstrapServers(), writer.httpUrl(), "cluster1",
                TOKYO, 10, PseudonymPeriod.MONTH, "it-secret", dir.resolve("archive").toUri().toString());
        long pid = victim.pid();
        CompletableFuture<Long> restart = CompletableFuture.supplyAsync(() -> restartOnceDead(victim));
        new Replay(config, config.secret(Map.of()), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), false).run(List.of(sim.resolve("hostapd.log"), sim.resolve("portal.jsonl")),
                SourceOptions.defaults(ApRegistry.load(sim.resolve("registry.csv"))),
                events -> events.map(new KillProcessAfter(pid, 2_000)).name("kill a replica"));
        long caughtUpMs = restart.get(3, TimeUnit.MINUTES);
        System.out.println("ReplicatedClickHouseIT: replica s1r2 SIGKILLed mid-replay, restarted after 5 s, "
                + "caught up with its shard " + caughtUpMs + " ms after its restart");

        SimulatedTruth truth = new SimulatedTruth(sim, START, DAYS);
        for (ClickHouseServer reader : clickhouse.servers()) {
            truth.awaitPipelineAnswers(new ClickHouseHttp(reader.httpUrl(), "cluster1"), Duration.ofSeconds(60));
        }
        for (int shard = 1; shard <= 2; shard++) {
            ClickHouseHttp a = new ClickHouseHttp(clickhouse.server(shard, 1).httpUrl(), "cluster1");
            ClickHouseHttp b = new ClickHouseHttp(clickhouse.server(shard, 2).httpUrl(), "cluster1");
            for (String table : SHARDED) {
                b.execute("SYSTEM SYNC REPLICA " + table);
                String rows = "SELECT count(), sum(cityHash64(*)) FROM " + table;
                assertThat(b.select(rows).get(0)).as("shard " + shard + " " + table).isEqualTo(a.select(rows).get(0));
                assertThat(a.selectLong("SELECT count() FROM " + table)).as(table).isPositive();
            }
        }
    }

    @Test
    void aShardAwayForAWhileLosesNothingAndDoublesNothing() throws Exception {
        ClickHouseServer writer = clickhouse.server(1, 1);
        ClickHouseHttp ch = new ClickHouseHttp(writer.httpUrl(), "cluster2");
        new ClusterSchema(ch).apply();
        Path sim = dir.resolve("sim-shard");
        new WorkloadSimulator().write(new WorkloadSimulator.Options(DAYS, 500, 32, START, TOKYO,
                PseudonymPeriod.MONTH), sim);
        AppConfig config = new AppConfig(dir.resolve("home-shard"), kafka.bootstrapServers(), writer.httpUrl(),
                "cluster2", TOKYO, 10, PseudonymPeriod.MONTH, "it-secret",
                dir.resolve("archive-shard").toUri().toString());
        List<ClickHouseServer> shard2 = List.of(clickhouse.server(2, 1), clickhouse.server(2, 2));
        long[] pids = shard2.stream().mapToLong(ClickHouseServer::pid).toArray();
        CompletableFuture<Long> back = CompletableFuture.supplyAsync(() -> {
            try {
                while (shard2.stream().anyMatch(ClickHouseServer::isRunning)) {
                    Thread.sleep(50);
                }
                Thread.sleep(10_000);
                for (ClickHouseServer s : shard2) {
                    s.start();
                }
                return System.nanoTime();
            } catch (Exception e) {
                throw new IllegalStateException("restarting shard 2: " + e.getMessage(), e);
            }
        });
        new Replay(config, config.secret(Map.of()), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), false).run(List.of(sim.resolve("hostapd.log"), sim.resolve("portal.jsonl")),
                SourceOptions.defaults(ApRegistry.load(sim.resolve("registry.csv"))),
                events -> events.map(new KillProcessAfter(pids, 2_000)).name("take shard 2 away"));
        long returned = back.get(3, TimeUnit.MINUTES);
        // what the writer held for shard 2 while it was away is sent once it is back: then every answer is exact
        SimulatedTruth truth = new SimulatedTruth(sim, START, DAYS);
        truth.awaitPipelineAnswers(ch, Duration.ofSeconds(120));
        System.out.println("ReplicatedClickHouseIT: shard 2 (both replicas) SIGKILLed mid-replay for 10 s; every "
                + "answer exact " + (System.nanoTime() - returned) / 1_000_000 + " ms after it returned");
        for (String table : List.of("visits", "moves")) {
            String id = table.equals("visits") ? "visit_id" : "move_id";
            assertThat(ch.selectLong("SELECT count() FROM " + table + " FINAL")).as(table + " without duplicates")
                    .isEqualTo(ch.selectLong("SELECT uniqExact(" + id + ") FROM " + table));
        }
        truth.assertPipelineAnswers(new ClickHouseHttp(clickhouse.server(2, 2).httpUrl(), "cluster2"));
    }

    /** Waits for the replica to die, restarts it 5 s later; returns the ms until it has fetched its shard's parts. */
    private static long restartOnceDead(ClickHouseServer replica) {
        try {
            while (replica.isRunning()) {
                Thread.sleep(50);
            }
            Thread.sleep(5_000);
            replica.start();
            long restarted = System.nanoTime();
            ClickHouseHttp ch = new ClickHouseHttp(replica.httpUrl(), "cluster1");
            // behind while any of its tables is read-only (no ZooKeeper session yet), has fetches queued, has not
            // read a non-empty replication log to its end, or sees a replica of its shard inactive
            while (ch.selectLong("SELECT count() FROM system.replicas WHERE database = 'cluster1' AND (is_readonly "
                    + "OR queue_size > 0 OR (log_max_index > 0 AND log_pointer <= log_max_index) "
                    + "OR active_replicas < total_replicas)") > 0) {
                Thread.sleep(100);
            }
            return (System.nanoTime() - restarted) / 1_000_000;
        } catch (Exception e) {
            throw new IllegalStateException("restarting the replica: " + e.getMessage(), e);
        }
    }
}
