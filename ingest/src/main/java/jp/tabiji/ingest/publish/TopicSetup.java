package jp.tabiji.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates Tabiji's topics when missing, replicated as far as the cluster allows. */
public final class TopicSetup {
    private TopicSetup() {
    }

    public static void ensureTopics(String bootstrapServers, int eventPartitions) {
        ensureTopics(bootstrapServers, eventPartitions, 60_000);
    }

    /** @throws IllegalStateException if Kafka does not answer within {@code timeoutMs} */
    public static void ensureTopics(String bootstrapServers, int eventPartitions, int timeoutMs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000)))) {
            Set<String> existing = admin.listTopics().names().get();
            short replicas = replicasFor(admin.describeCluster().nodes().get().size());
            Map<String, String> durable = Map.of("min.insync.replicas", Integer.toString(minInSync(replicas)));
            List<NewTopic> wanted = new ArrayList<>();
            addIfMissing(wanted, existing, new NewTopic(Topics.EVENTS, eventPartitions, replicas).configs(durable));
            addIfMissing(wanted, existing, new NewTopic(Topics.DLQ, 1, replicas).configs(durable));
            addIfMissing(wanted, existing, new NewTopic(Topics.LATE, 1, replicas).configs(durable));
            addIfMissing(wanted, existing, new NewTopic(Topics.ALERTS, 1, replicas).configs(durable));
            Map<String, String> compacted = new java.util.HashMap<>(durable);
            compacted.put("cleanup.policy", "compact");
            addIfMissing(wanted, existing, new NewTopic(Topics.INGEST_OFFSETS, 1, replicas).configs(compacted));
            if (!wanted.isEmpty()) {
                admin.createTopics(wanted).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create Kafka topics: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Three replicas where there are three brokers (one less on a smaller cluster): with two of them required in
     * sync, and producers asking for acks=all, an acknowledged event survives the loss of any one broker.
     */
    static short replicasFor(int brokers) {
        return (short) Math.max(1, Math.min(3, brokers));
    }

    static int minInSync(short replicas) {
        return replicas >= 3 ? 2 : 1;
    }

    private static void addIfMissing(List<NewTopic> wanted, Set<String> existing, NewTopic topic) {
        if (!existing.contains(topic.name())) {
            wanted.add(topic);
        }
    }
}
