package jp.tabiji.app;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import jp.tabiji.stack.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;

/**
 * A Kafka client quota on every consumer, so that a job's pace is set by the brokers and not by how fast the
 * machine is: the fault tests need the job still reading when each fault comes, on a laptop and on CI alike. Each
 * of a Flink Kafka source's readers has its own client id, so the quota holds per source subtask.
 */
final class ConsumerThrottle {
    private ConsumerThrottle() {
    }

    /** Every client without a quota of its own fetches at most {@code bytesPerSecond} from each broker. */
    static void limit(KafkaCluster kafka, long bytesPerSecond) throws Exception {
        setRate(kafka, (double) bytesPerSecond);
    }

    /** Removes the quota: consumers fetch as fast as the brokers serve. */
    static void lift(KafkaCluster kafka) throws Exception {
        setRate(kafka, null);
    }

    private static void setRate(KafkaCluster kafka, Double bytesPerSecond) throws Exception {
        ClientQuotaEntity everyClient = new ClientQuotaEntity(Collections.singletonMap(ClientQuotaEntity.CLIENT_ID,
                null));
        try (Admin admin = BrokerFault.admin(kafka)) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(everyClient, List.of(
                    new ClientQuotaAlteration.Op("consumer_byte_rate", bytesPerSecond))))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The bytes of {@code topic}'s logs on the brokers, each partition counted once (its largest replica). */
    static long topicBytes(KafkaCluster kafka, String topic) throws Exception {
        List<Integer> brokers = IntStream.rangeClosed(1, kafka.size()).boxed().toList();
        Map<TopicPartition, Long> largest = new HashMap<>();
        try (Admin admin = BrokerFault.admin(kafka)) {
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions()
                    .get(30, TimeUnit.SECONDS).values()) {
                dirs.values().forEach(d -> d.replicaInfos().forEach((tp, r) -> {
                    if (tp.topic().equals(topic)) {
                        largest.merge(tp, r.size(), Math::max);
                    }
                }));
            }
        }
        return largest.values().stream().mapToLong(Long::longValue).sum();
    }
}
