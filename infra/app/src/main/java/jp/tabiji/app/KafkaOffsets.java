package jp.tabiji.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** End offsets of a topic's partitions: where a replay starts publishing, and where its job stops reading. */
final class KafkaOffsets {
    private KafkaOffsets() {
    }

    static Map<Integer, Long> latest(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> req = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                req.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<Integer, Long> out = new HashMap<>();
            admin.listOffsets(req).all().get().forEach((tp, info) -> out.put(tp.partition(), info.offset()));
            return out;
        }
    }
}
