package jp.tabiji.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.ingest.replay.SendLatency;
import jp.tabiji.ingest.event.WifiEventCodec;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes events to {@code tabiji.events} (key = deviceId, record time = event time) and rejects to
 * {@code tabiji.dlq}: acks=all and idempotent, so a retried send is never written twice.
 */
public final class EventPublisher implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final WifiEventCodec codec = new WifiEventCodec();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile SendLatency latency;
    /** One callback for all records (a lambda per send would be an allocation per event). */
    private final Callback onAck = (meta, ex) -> {
        if (ex != null) {
            failure.compareAndSet(null, ex);
        } else {
            acked.incrementAndGet();
        }
    };

    public EventPublisher(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    public EventPublisher(String bootstrapServers, Map<String, Object> overrides) {
        Properties p = producerSettings(bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "tabiji-ingest");
        p.putAll(overrides);
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Every ingest producer's settings: nothing lost or doubled by retries, lz4 batches of up to 128 KiB. */
    public static Properties producerSettings(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        return p;
    }

    public void publish(WifiEvent event) {
        send(eventRecord(codec, event));
    }

    public void reject(DeadLetter letter) {
        send(deadLetterRecord(letter));
    }

    /**
     * Keyed by device; stamped with the time of publishing, not the event's (which the record holds): the topic's
     * retention then counts from publishing, so a replay of old logs is not deleted before the job reads it.
     */
    static ProducerRecord<byte[], byte[]> eventRecord(WifiEventCodec codec, WifiEvent event) {
        return new ProducerRecord<>(Topics.EVENTS, null, null, event.deviceId.getBytes(StandardCharsets.UTF_8),
                codec.encode(event));
    }

    static ProducerRecord<byte[], byte[]> deadLetterRecord(DeadLetter letter) {
        return new ProducerRecord<>(Topics.DLQ, null, letter.receivedAt(), null, letter.toJson());
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        throwIfFailed();
        long n = sent.incrementAndGet();
        SendLatency l = latency;
        if (l != null && (n <= 64 || (n & 63) == 0)) {
            // a sample of sends (the first 64, then one in 64) is timed: a timing callback per record costs
            long t0 = System.nanoTime();
            producer.send(record, (meta, ex) -> {
                onAck.onCompletion(meta, ex);
                if (ex == null) {
                    l.record(System.nanoTime() - t0);
                }
            });
        } else {
            producer.send(record, onAck);
        }
    }

    /** Times a sample of sends, from send to acknowledgement, into {@code l}. */
    public EventPublisher measuring(SendLatency l) {
        this.latency = l;
        return this;
    }

    /** Waits until everything sent so far is acknowledged; fails if any send failed. */
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    public long acknowledged() {
        return acked.get();
    }

    /** Records handed to the producer that Kafka has not acknowledged yet. */
    public long unacknowledged() {
        return sent.get() - acked.get();
    }

    /**
     * Settings for live sources: when Kafka is unreachable, sends wait (bounded by the producer's buffer) and are
     * retried until Kafka is back, instead of failing after two minutes.
     */
    public static Map<String, Object> waitForKafka() {
        return Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.MAX_VALUE,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
    }

    /** Sends what is buffered, waiting at most {@code timeout} (0: give up at once); returns what stayed unsent. */
    public long close(java.time.Duration timeout) {
        producer.close(timeout);
        return unacknowledged();
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("publishing to Kafka failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
