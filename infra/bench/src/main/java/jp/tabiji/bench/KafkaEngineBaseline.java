package jp.tabiji.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.stack.ClickHouseServer;
import jp.tabiji.stack.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What a user might run instead of Tabiji (issue 17): ClickHouse's own Kafka table engine loading the raw events,
 * as JSON from a topic of their own, into a plain MergeTree table through a materialized view: no visits, no
 * moves, no archive. Measured on a ClickHouse server of its own (the one setting it needs, a new consumer group
 * reading from the start, is server-wide), from the view's creation until every event is in the table.
 */
final class KafkaEngineBaseline {
    static final String TOPIC = "bench.events.json";
    // every field the contract lets be null is Nullable: one null into a plain String stalls the engine for good
    // (it retries the same batch forever; 18.16 has no kafka_skip_broken_messages)
    private static final String COLUMNS = "v UInt8, ts UInt64, apId Nullable(String), siteId Nullable(String), "
            + "deviceId Nullable(String), randomMac UInt8, type Nullable(String), lang Nullable(String), "
            + "ssid Nullable(String), bytesIn Nullable(Int64), bytesOut Nullable(Int64), "
            + "sessionSeconds Nullable(Int64), source Nullable(String)";
    // 18.16 with a new consumer group silently reads nothing unless it starts at the smallest offset
    private static final String KAFKA_CONFIG = "<kafka><auto_offset_reset>smallest</auto_offset_reset></kafka>";

    private KafkaEngineBaseline() {
    }

    /**
     * Copies the events to a topic of their own, then loads them {@code repeats} times, each on a new server (the
     * consumer group's offsets live in Kafka, the server's setting only applies to a new group: a new group each),
     * and returns the median load rate in rows/s.
     */
    static double run(Path dir, String kafka, long events, int repeats) throws Exception {
        copyEvents(kafka, events);
        double[] rates = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            rates[i] = load(dir.resolve("clickhouse-kafka-engine-" + i), kafka, events, "bench-clickhouse-" + i);
        }
        return PipelineBench.median(rates);
    }

    /** A port found free can be taken before the server binds it (by any client's ephemeral port): retried. */
    private static ClickHouseServer startOnFreePorts(Path serverDir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return new ClickHouseServer(serverDir, FreePorts.find(), FreePorts.find(), KAFKA_CONFIG).start();
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static double load(Path serverDir, String kafka, long events, String group) throws Exception {
        try (ClickHouseServer server = startOnFreePorts(serverDir)) {
            ClickHouseHttp ch = new ClickHouseHttp(server.httpUrl(), "baseline");
            ch.executeOnServer("CREATE DATABASE baseline");
            ch.execute("CREATE TABLE raw_events (" + COLUMNS + ") ENGINE = MergeTree ORDER BY ts");
            ch.execute("CREATE TABLE events_queue (" + COLUMNS + ") ENGINE = Kafka('" + kafka + "', '" + TOPIC
                    + "', '" + group + "', 'JSONEachRow', '\\n', '', 2)");
            long t0 = System.nanoTime();
            ch.execute("CREATE MATERIALIZED VIEW events_load TO raw_events AS SELECT * FROM events_queue");
            long deadline = t0 + Duration.ofMinutes(10).toNanos();
            long loaded;
            while ((loaded = ch.selectLong("SELECT count() FROM raw_events")) < events) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka engine loaded " + loaded + " of " + events
                            + " events in 10 minutes; the server's last error: " + lastError(serverDir));
                }
                Thread.sleep(100);
            }
            return events / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static String lastError(Path serverDir) throws IOException {
        List<String> lines = Files.readAllLines(serverDir.resolve("log/clickhouse-server.err.log"));
        return lines.isEmpty() ? "none" : lines.get(lines.size() - 1);
    }

    /** The published records, byte for byte, to {@link #TOPIC} with the same partitions. */
    private static void copyEvents(String kafka, long events) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            int partitions = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames().get().get(Topics.EVENTS)
                    .partitions().size();
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaConsumer<byte[], byte[]> in = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> out = new KafkaProducer<>(p, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            List<TopicPartition> parts = in.partitionsFor(Topics.EVENTS).stream()
                    .map(i -> new TopicPartition(Topics.EVENTS, i.partition())).toList();
            in.assign(parts);
            in.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new HashMap<>(in.endOffsets(parts));
            long copied = 0;
            while (end.entrySet().stream().anyMatch(e -> in.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> r : in.poll(Duration.ofSeconds(1))) {
                    out.send(new ProducerRecord<>(TOPIC, r.partition(), r.key(), r.value()));
                    copied++;
                }
            }
            out.flush();
            if (copied != events) {
                throw new IOException("copied " + copied + " records for " + events + " events");
            }
        }
    }
}
