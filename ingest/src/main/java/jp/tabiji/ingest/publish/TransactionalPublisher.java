package jp.tabiji.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.event.WifiEventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes events, dead letters and a source's read position in one Kafka transaction, so that after a crash
 * (kill -9 included) the position read back is exactly that of the events that were committed: nothing is lost
 * and nothing published twice. Readers use {@code isolation.level=read_committed} (the Flink job does).
 * A second process with the same transactional id fences this one off. Not thread-safe.
 */
public final class TransactionalPublisher implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final WifiEventCodec codec = new WifiEventCodec();
    private boolean inTransaction;
    private int pending;
    private jp.tabiji.ingest.replay.SendLatency latency;

    /** Records each commit's latency (the time Kafka takes to make a batch of sends durable) into {@code l}. */
    public TransactionalPublisher measuring(jp.tabiji.ingest.replay.SendLatency l) {
        this.latency = l;
        return this;
    }

    /** Blocks until Kafka answers or {@code maxBlockMs} passes (then throws a KafkaException). */
    public TransactionalPublisher(String bootstrapServers, String transactionalId, long maxBlockMs) {
        Properties p = EventPublisher.producerSettings(bootstrapServers);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions(); // also aborts what a crashed predecessor left open
    }

    public void publish(WifiEvent event) {
        send(EventPublisher.eventRecord(codec, event));
    }

    public void reject(DeadLetter letter) {
        send(EventPublisher.deadLetterRecord(letter));
    }

    /** Records where a source stands (compacted topic, latest value per key wins). */
    public void position(String key, byte[] value) {
        send(new ProducerRecord<>(Topics.INGEST_OFFSETS, key.getBytes(StandardCharsets.UTF_8), value));
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
        producer.send(record);
        pending++;
    }

    /** Records sent in the open transaction. */
    public int pending() {
        return pending;
    }

    /** Commits everything sent since the last commit; on failure nothing of it becomes visible. */
    public void commit() {
        if (inTransaction) {
            long t0 = System.nanoTime();
            producer.commitTransaction();
            if (latency != null) {
                latency.record(System.nanoTime() - t0);
            }
            inTransaction = false;
            pending = 0;
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ZERO);
    }
}
