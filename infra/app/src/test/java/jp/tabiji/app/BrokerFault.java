package jp.tabiji.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.stack.KafkaBroker;
import jp.tabiji.stack.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * One broker's crash and return, watched from outside: SIGKILL when a trigger holds (or noticed when something
 * else killed it), a restart after {@code down}, and the two recovery times that matter, until every partition
 * of Tabiji's topics has a leader again and until every replica is back in sync.
 */
final class BrokerFault {
    /** Milliseconds from the kill to leaders everywhere, and from the restart to full in-sync replica sets. */
    record Recovery(int broker, long leadersBackMs, long inSyncMs) {
        @Override
        public String toString() {
            return "broker " + broker + " SIGKILL: partitions led again after " + leadersBackMs
                    + " ms; all replicas in sync " + inSyncMs + " ms after its restart";
        }
    }

    private static final List<String> TOPICS = List.of(Topics.EVENTS, Topics.DLQ, Topics.LATE, Topics.ALERTS);
    private final CompletableFuture<Recovery> recovery;

    private BrokerFault(KafkaCluster cluster, KafkaBroker broker, BooleanSupplier trigger, Duration down) {
        this.recovery = CompletableFuture.supplyAsync(() -> {
            try {
                while (broker.isRunning() && !trigger.getAsBoolean()) {
                    Thread.sleep(50);
                }
                if (broker.isRunning()) {
                    broker.kill();
                }
                long killed = System.nanoTime();
                long leaders = waitUntil(cluster, d -> ledWithout(d, broker.nodeId()), Duration.ofSeconds(60));
                Thread.sleep(Math.max(0, down.toMillis() - (System.nanoTime() - killed) / 1_000_000));
                broker.start();
                long restarted = System.nanoTime();
                long inSync = waitUntil(cluster, d -> inSync(d, cluster.size()), Duration.ofSeconds(90));
                return new Recovery(broker.nodeId(), (leaders - killed) / 1_000_000, (inSync - restarted) / 1_000_000);
            } catch (Exception e) {
                throw new IllegalStateException("broker fault: " + e.getMessage(), e);
            }
        });
    }

    /** Kills the broker that leads partition 0 of {@code tabiji.events} once {@code trigger} holds. */
    static BrokerFault killLeaderWhen(KafkaCluster cluster, BooleanSupplier trigger, Duration down) throws Exception {
        return new BrokerFault(cluster, cluster.broker(leaderOfEvents(cluster)), trigger, down);
    }

    /** Waits for someone else (a job's operator) to kill {@code broker}, then restarts it after {@code down}. */
    static BrokerFault restartOnceDead(KafkaCluster cluster, KafkaBroker broker, Duration down) {
        return new BrokerFault(cluster, broker, () -> false, down);
    }

    Recovery await() throws Exception {
        return recovery.get(5, TimeUnit.MINUTES);
    }

    static int leaderOfEvents(KafkaCluster cluster) throws Exception {
        try (Admin admin = admin(cluster)) {
            return admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get().get(Topics.EVENTS)
                    .partitions().get(0).leader().id();
        }
    }

    private static boolean ledWithout(Map<String, TopicDescription> topics, int dead) {
        return partitions(topics).allMatch(p -> p.leader() != null && p.leader().id() != dead);
    }

    private static boolean inSync(Map<String, TopicDescription> topics, int brokers) {
        return partitions(topics).allMatch(p -> p.isr().size() == Math.min(3, brokers));
    }

    private static java.util.stream.Stream<TopicPartitionInfo> partitions(Map<String, TopicDescription> topics) {
        return topics.values().stream().flatMap(t -> t.partitions().stream());
    }

    /** Polls the cluster's metadata until {@code done}; returns the System.nanoTime() at which it held. */
    private static long waitUntil(KafkaCluster cluster, java.util.function.Predicate<Map<String, TopicDescription>> done,
                                  Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Admin admin = admin(cluster)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (done.test(admin.describeTopics(TOPICS).allTopicNames().get(5, TimeUnit.SECONDS))) {
                        return System.nanoTime();
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // metadata from a broker that is going away: ask again
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the Kafka cluster did not recover within " + limit.toSeconds() + " s");
    }

    static Admin admin(KafkaCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }
}
