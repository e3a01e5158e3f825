package jp.tabiji.streaming;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.streaming.archive.EventArchive;
import jp.tabiji.streaming.clickhouse.ClickHouseSink;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.streaming.clickhouse.HealthRows;
import jp.tabiji.streaming.clickhouse.VisitRows;
import jp.tabiji.streaming.health.ApHealthMonitor.SilenceClock;
import jp.tabiji.streaming.health.HealthSettings;
import jp.tabiji.streaming.health.HotspotHealthJob;
import jp.tabiji.streaming.health.WebhookSink;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.common.TopicPartition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Builds the real sources and sinks around {@link VisitJob}: Kafka {@code tabiji.events} in, ClickHouse and
 * Kafka out. The Kafka record time is the event time (the publisher sets it), so watermarks are per partition.
 */
public final class KafkaEventsJob {
    /**
     * Settings of one run.
     *
     * @param archive the Parquet archive's directory or object-store URI
     * @param idleness how long a Kafka partition may send nothing before the watermark stops waiting for it
     * @param health the hotspot-health thresholds, capacities and webhook
     */
    public record Settings(String kafka, String clickhouseUrl, String database, ZoneId zone,
                           Duration outOfOrderness, int clickhouseBatchRows, String archive, Duration idleness,
                           HealthSettings health) {
        public Settings(String kafka, String clickhouseUrl, String database, ZoneId zone, Duration outOfOrderness,
                        int clickhouseBatchRows, String archive) {
            this(kafka, clickhouseUrl, database, zone, outOfOrderness, clickhouseBatchRows, archive,
                    DEFAULT_IDLENESS);
        }

        public Settings(String kafka, String clickhouseUrl, String database, ZoneId zone, Duration outOfOrderness,
                        int clickhouseBatchRows, String archive, Duration idleness) {
            this(kafka, clickhouseUrl, database, zone, outOfOrderness, clickhouseBatchRows, archive, idleness,
                    HealthSettings.defaults());
        }

        public Settings withHealth(HealthSettings h) {
            return new Settings(kafka, clickhouseUrl, database, zone, outOfOrderness, clickhouseBatchRows, archive,
                    idleness, h);
        }

        public static Settings from(ParameterTool p) {
            return new Settings(p.get("kafka", env("TABIJI_KAFKA", "127.0.0.1:9092")),
                    p.get("clickhouse", env("TABIJI_CLICKHOUSE", "http://127.0.0.1:8123")),
                    p.get("database", env("TABIJI_CLICKHOUSE_DB", "tabiji")),
                    ZoneId.of(p.get("zone", env("TABIJI_ZONE", "Asia/Tokyo"))),
                    Duration.ofSeconds(p.getLong("out-of-orderness-s", VisitJob.DEFAULT_OUT_OF_ORDERNESS.toSeconds())),
                    p.getInt("clickhouse-batch-rows", 20_000),
                    p.get("archive", env("TABIJI_ARCHIVE", java.nio.file.Path.of(env("TABIJI_HOME", ".tabiji"),
                            "archive").toAbsolutePath().toUri().toString())),
                    Duration.ofSeconds(p.getLong("idleness-s", DEFAULT_IDLENESS.toSeconds())),
                    HealthSettings.from(p));
        }

        private static String env(String name, String dflt) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? dflt : v;
        }
    }

    /** A partition silent this long no longer holds the watermark back (a quiet region at night, say). */
    public static final Duration DEFAULT_IDLENESS = Duration.ofMinutes(1);

    private KafkaEventsJob() {
    }

    /** The live job: reads from the group's committed offsets (earliest the first time) and runs until cancelled. */
    public static void main(String[] args) throws Exception {
        ParameterTool p = ParameterTool.fromArgs(args);
        Settings s = Settings.from(p);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (p.has("end-offsets")) {
            // a replay on a cluster: exactly the offsets one `tabiji replay` published, then the job ends
            env.enableCheckpointing(p.getLong("checkpoint-interval-ms", 5_000));
            defineBoundedReplay(env, s, offsets(p.get("start-offsets")), offsets(p.get("end-offsets")),
                    p.get("group", "tabiji-replay"), UnaryOperator.identity());
            env.execute("tabiji replay");
            return;
        }
        env.enableCheckpointing(p.getLong("checkpoint-interval-ms", 30_000));
        defineLive(env, s);
        env.execute(LIVE_JOB_NAME);
    }

    /** {@code 0:120,1:98} → partition → offset. */
    public static Map<Integer, Long> offsets(String text) {
        Map<Integer, Long> m = new HashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split(":");
            m.put(Integer.parseInt(kv[0].trim()), Long.parseLong(kv[1].trim()));
        }
        return m;
    }

    public static String offsetsArg(Map<Integer, Long> offsets) {
        StringBuilder b = new StringBuilder();
        offsets.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append(':').append(v));
        return b.toString();
    }

    public static final String LIVE_JOB_NAME = "tabiji visits";
    /** The live job's consumer group: its committed offsets are where a (re)started live job reads on. */
    public static final String LIVE_GROUP = "tabiji-visits";

    /**
     * The live topology: reads {@code tabiji.events} from the consumer group's committed offsets (earliest the
     * first time), which the source commits at each checkpoint, so a stopped job resumes where it was.
     */
    public static void defineLive(StreamExecutionEnvironment env, Settings s) {
        KafkaSource<byte[]> source = sourceBuilder(s).setGroupId(LIVE_GROUP)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .build();
        attach(env, source, s, UnaryOperator.identity(), SilenceClock.PROCESSING_TIME);
    }

    /** A bounded job over exactly the offsets [start, end) of {@code tabiji.events}: what one replay published. */
    public static void defineBoundedReplay(StreamExecutionEnvironment env, Settings s,
                                           Map<Integer, Long> startOffsets, Map<Integer, Long> endOffsets,
                                           String groupId, UnaryOperator<DataStream<byte[]>> tap) {
        attach(env, boundedSource(s, startOffsets, endOffsets, groupId), s, tap, SilenceClock.EVENT_TIME);
    }

    /** {@code tabiji.events} from the offsets {@code start} (inclusive) to {@code end} (exclusive), read committed. */
    public static KafkaSource<byte[]> boundedSource(Settings s, Map<Integer, Long> start, Map<Integer, Long> end,
                                                    String groupId) {
        return sourceBuilder(s).setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.offsets(partitions(start)))
                .setBounded(OffsetsInitializer.offsets(partitions(end)))
                .build();
    }

    private static Map<TopicPartition, Long> partitions(Map<Integer, Long> offsets) {
        Map<TopicPartition, Long> m = new HashMap<>();
        offsets.forEach((p, o) -> m.put(new TopicPartition(Topics.EVENTS, p), o));
        return m;
    }

    private static KafkaSourceBuilder<byte[]> sourceBuilder(Settings s) {
        Properties props = new Properties();
        props.put("isolation.level", "read_committed");
        return KafkaSource.<byte[]>builder().setBootstrapServers(s.kafka()).setTopics(Topics.EVENTS)
                .setProperties(props)
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class));
    }

    /** Where the job's results go: the visit job's sinks and the hotspot-health job's. */
    public record Outputs(VisitJob.Sinks visits, HotspotHealthJob.Sinks health) {
        /** The real ones: ClickHouse, the Parquet archive, Kafka's DLQ, late and alert topics, the webhook. */
        public static Outputs of(Settings s) {
            HealthSettings h = s.health();
            return new Outputs(new VisitJob.Sinks(
                    new ClickHouseSink<>(s.clickhouseUrl(), s.database(), VisitRows.visits(), s.clickhouseBatchRows()),
                    new ClickHouseSink<>(s.clickhouseUrl(), s.database(), VisitRows.siteDayVisitors(),
                            s.clickhouseBatchRows()),
                    new ClickHouseSink<>(s.clickhouseUrl(), s.database(), VisitRows.siteHourVisitors(),
                            s.clickhouseBatchRows()),
                    new ClickHouseSink<>(s.clickhouseUrl(), s.database(), VisitRows.moves(), s.clickhouseBatchRows()),
                    EventArchive.sink(s.archive(), s.zone()),
                    kafkaSink(s, Topics.DLQ), kafkaSink(s, Topics.LATE)), new HotspotHealthJob.Sinks(
                    new ClickHouseSink<>(s.clickhouseUrl(), s.database(), HealthRows.apMinutes(),
                            s.clickhouseBatchRows()),
                    new ClickHouseSink<>(s.clickhouseUrl(), s.database(), HealthRows.alerts(), 1_000),
                    kafkaSink(s, Topics.ALERTS), h.webhookUrl() == null ? null : new WebhookSink(h.webhookUrl())));
        }
    }

    /**
     * The bounded replay's topology with other outputs: what the benchmark uses to measure the operators apart
     * from the sinks' I/O (discarding sinks in place of the real ones).
     */
    public static void defineBoundedReplay(StreamExecutionEnvironment env, Settings s,
                                           Map<Integer, Long> startOffsets, Map<Integer, Long> endOffsets,
                                           String groupId, Outputs outputs) {
        attach(env, boundedSource(s, startOffsets, endOffsets, groupId), s, UnaryOperator.identity(),
                SilenceClock.EVENT_TIME, outputs);
    }

    /**
     * @param tap lets tests observe or disturb the stream (e.g. fail once after a checkpoint)
     * @param silence how hotspot silence is judged: by processing time live, by event time in a replay
     */
    private static void attach(StreamExecutionEnvironment env, KafkaSource<byte[]> source, Settings s,
                               UnaryOperator<DataStream<byte[]>> tap, SilenceClock silence) {
        attach(env, source, s, tap, silence, Outputs.of(s));
    }

    private static void attach(StreamExecutionEnvironment env, KafkaSource<byte[]> source, Settings s,
                               UnaryOperator<DataStream<byte[]>> tap, SilenceClock silence, Outputs outputs) {
        WatermarkStrategy<byte[]> wm = WatermarkStrategy.<byte[]>forBoundedOutOfOrderness(s.outOfOrderness())
                .withTimestampAssigner(new EventTimeAssigner()).withIdleness(s.idleness());
        DataStream<byte[]> events = tap.apply(env.fromSource(source, wm, "tabiji.events").uid("events-source"));
        DataStream<WifiEvent> decoded = VisitJob.defineWorkflow(env, events, s.zone(), outputs.visits());
        HotspotHealthJob.defineWorkflow(decoded, s.health(), silence, s.zone(), outputs.health());
    }

    /** Records already encoded upstream; a named class so Flink can read its type. */
    static final class RawBytes implements SerializationSchema<byte[]> {
        @Override
        public byte[] serialize(byte[] element) {
            return element;
        }
    }

    private static KafkaSink<byte[]> kafkaSink(Settings s, String topic) {
        return KafkaSink.<byte[]>builder().setBootstrapServers(s.kafka())
                .setRecordSerializer(KafkaRecordSerializationSchema.<byte[]>builder().setTopic(topic)
                        .setValueSerializationSchema(new RawBytes()).build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build();
    }
}
