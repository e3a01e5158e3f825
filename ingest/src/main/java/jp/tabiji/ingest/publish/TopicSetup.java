package jp.tabiji.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates Tabiji's topics when missing. */
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
            List<NewTopic> wanted = new ArrayList<>();
            addIfMissing(wanted, existing, new NewTopic(Topics.EVENTS, eventPartitions, (short) 1));
            addIfMissing(wanted, existing, new NewTopic(Topics.DLQ, 1, (short) 1));
            addIfMissing(wanted, existing, new NewTopic(Topics.LATE, 1, (short) 1));
            addIfMissing(wanted, existing, new NewTopic(Topics.ALERTS, 1, (short) 1));
            addIfMissing(wanted, existing, new NewTopic(Topics.INGEST_OFFSETS, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")));
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

    private static void addIfMissing(List<NewTopic> wanted, Set<String> existing, NewTopic topic) {
        if (!existing.contains(topic.name())) {
            wanted.add(topic);
        }
    }
}
