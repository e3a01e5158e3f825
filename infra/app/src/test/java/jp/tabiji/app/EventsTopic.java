package jp.tabiji.app;

import java.util.List;
import java.util.Properties;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import jp.tabiji.ingest.publish.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes test events straight to {@code tabiji.events}, as ingest would, for tests of the live job. */
final class EventsTopic {
    private EventsTopic() {
    }

    /** Sends the events to partition 0 with their event time as the record time, and waits until sent. */
    static void sendToPartition0(String bootstrap, List<WifiEvent> events) {
        sendToPartition(bootstrap, 0, events);
    }

    static void sendToPartition(String bootstrap, int partition, List<WifiEvent> events) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // right after the topic is created its leader may still be moving: with one request in flight a retried
        // batch cannot overtake the next one (several in flight stalled for minutes on OUT_OF_ORDER_SEQUENCE_NUMBER)
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        WifiEventCodec codec = new WifiEventCodec();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (WifiEvent e : events) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, partition, e.ts, null, codec.encode(e)));
            }
        }
    }
}
