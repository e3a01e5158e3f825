package jp.tabiji.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.EventNormalizer;
import jp.tabiji.ingest.parse.LogFormat;
import jp.tabiji.ingest.parse.ParseContext;
import jp.tabiji.ingest.parse.RecordDecoder;
import jp.tabiji.ingest.privacy.OptOutList;
import jp.tabiji.ingest.privacy.PseudonymPeriod;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.publish.EventPublisher;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.ingest.registry.ApRegistry;
import jp.tabiji.ingest.replay.EventTimeMerger;
import jp.tabiji.ingest.replay.IngestCounters;
import jp.tabiji.ingest.replay.LogFileStream;
import jp.tabiji.ingest.replay.LogRecord;
import jp.tabiji.ingest.replay.RecordRouter;
import jp.tabiji.ingest.simulate.WorkloadSimulator;
import jp.tabiji.stack.LocalStack;
import jp.tabiji.streaming.KafkaEventsJob;
import jp.tabiji.streaming.VisitJob;
import jp.tabiji.streaming.clickhouse.ClickHouseSink;
import jp.tabiji.streaming.clickhouse.VisitRows;
import jp.tabiji.streaming.health.HotspotHealthJob;
import jp.tabiji.streaming.visit.Visit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * `tabiji bench pipeline`: on one generated workload in one run, (a) Kafka → Flink passthrough P0, (b) the whole
 * job into ClickHouse and Parquet, (c) their ratio, (d) the ClickHouse sink alone, (e) peak memory of this JVM,
 * (f) the job's operators with discarding sinks (Kafka in, nothing out: (b) against (f) is the sinks' I/O, (f)
 * against (a) the operators'), (g) ClickHouse's own Kafka engine loading the raw events, and (h) (b)/(g).
 */
final class PipelineBench {
    record Result(long events, double passthrough, double pipeline, long sinkRows, double sinkRowsPerS,
                  long peakRssMb, double operators, double kafkaEngine) {
    }

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private PipelineBench() {
    }

    static Result run(Path dir, int devices) throws Exception {
        Path sim = dir.resolve("sim");
        new WorkloadSimulator().write(new WorkloadSimulator.Options(3, devices, 5, LocalDate.of(2026, 11, 2), TOKYO,
                PseudonymPeriod.MONTH), sim);
        try (LocalStack stack = LocalStack.startOnFreePorts(dir.resolve("stack"))) {
            new SchemaMigrator(new ClickHouseHttp(stack.clickhouseUrl(), "bench")).migrate();
            TopicSetup.ensureTopics(stack.kafkaBootstrap(), 2);
            long events = publish(stack.kafkaBootstrap(), sim);
            Map<Integer, Long> end = endOffsets(stack.kafkaBootstrap());
            Map<Integer, Long> start = new HashMap<>();
            end.keySet().forEach(p -> start.put(p, 0L));
            KafkaEventsJob.Settings s = new KafkaEventsJob.Settings(stack.kafkaBootstrap(), stack.clickhouseUrl(),
                    "bench", TOKYO, Duration.ofMinutes(2), 20_000, dir.resolve("archive").toUri().toString());
            passthrough(s, start, end); // warm-up: class loading, JIT
            double p0 = events / seconds(() -> passthrough(s, start, end));
            fullPipeline(dir, s, start, end); // warm-up: the job's own code paths get compiled first too
            double full = events / seconds(() -> fullPipeline(dir, s, start, end));
            double operators = events / seconds(() -> operatorsAlone(dir, s, start, end));
            long rows = 500_000;
            double sink = rows / seconds(() -> sinkAlone(stack.clickhouseUrl(), rows, dir));
            long peak = peakRssMb();
            double engine = KafkaEngineBaseline.run(dir, stack.kafkaBootstrap(), events);
            return new Result(events, p0, full, rows, sink, peak, operators, engine);
        }
    }

    private static StreamExecutionEnvironment env(Path dir) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.enableCheckpointing(5_000);
        return env;
    }

    /** The whole job over the published offsets, into ClickHouse, Parquet and Kafka. */
    private static void fullPipeline(Path dir, KafkaEventsJob.Settings s, Map<Integer, Long> start,
                                     Map<Integer, Long> end) throws Exception {
        StreamExecutionEnvironment env = env(dir);
        KafkaEventsJob.defineBoundedReplay(env, s, start, end, "bench-" + UUID.randomUUID(), x -> x);
        env.execute("bench pipeline");
    }

    /** The whole job on the same offsets with every sink discarding: the operators' cost without the sinks' I/O. */
    private static void operatorsAlone(Path dir, KafkaEventsJob.Settings s, Map<Integer, Long> start,
                                       Map<Integer, Long> end) throws Exception {
        StreamExecutionEnvironment env = env(dir);
        KafkaEventsJob.defineBoundedReplay(env, s, start, end, "bench-ops-" + UUID.randomUUID(),
                new KafkaEventsJob.Outputs(new VisitJob.Sinks(new DiscardingSink<>(), new DiscardingSink<>(),
                        new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(), new DiscardingSink<>(),
                        new DiscardingSink<>()), new HotspotHealthJob.Sinks(new DiscardingSink<>(),
                        new DiscardingSink<>(), new DiscardingSink<>(), null)));
        env.execute("bench operators");
    }

    /** Raw bytes from Kafka into a discarding sink: the rate every job here is measured against. */
    private static void passthrough(KafkaEventsJob.Settings s, Map<Integer, Long> start, Map<Integer, Long> end)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSource(KafkaEventsJob.boundedSource(s, start, end, "bench-p0-" + UUID.randomUUID()),
                WatermarkStrategy.noWatermarks(), "events").sinkTo(new DiscardingSink<>());
        env.execute("bench passthrough");
    }

    /** Generated visit rows straight into the ClickHouse sink. */
    private static void sinkAlone(String clickhouse, long rows, Path dir) throws Exception {
        StreamExecutionEnvironment env = env(dir);
        env.fromSequence(0, rows - 1).map(new ToVisit()).sinkTo(new ClickHouseSink<>(clickhouse, "bench",
                VisitRows.visits(), 20_000));
        env.execute("bench clickhouse sink");
    }

    /** Made once: formatting ids per row would measure String.format instead of the sink. */
    static final class ToVisit implements MapFunction<Long, Visit> {
        private static final String[] DEVICES = java.util.stream.IntStream.range(0, 50_000)
                .mapToObj(i -> String.format("%064x", i)).toArray(String[]::new);
        private static final String[] SITES = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> "site-" + i).toArray(String[]::new);

        @Override
        public Visit map(Long i) {
            Visit v = new Visit();
            v.visitId = "bench-" + i;
            v.deviceId = DEVICES[(int) (i % DEVICES.length)];
            v.siteId = SITES[(int) (i % SITES.length)];
            v.startDay = 20_760 + (int) (i % 3);
            v.startMs = 1_793_600_000_000L + i * 1000;
            v.endMs = v.startMs + 1_800_000;
            v.events = 3;
            v.lang = "ja";
            return v;
        }
    }

    private static long publish(String kafka, Path sim) throws IOException {
        ApRegistry registry = ApRegistry.load(sim.resolve("registry.csv"));
        EdgeProcessor edge = new EdgeProcessor(new EventNormalizer(registry, new Pseudonymizer(
                "bench".getBytes(StandardCharsets.UTF_8), PseudonymPeriod.MONTH, TOKYO)), OptOutList.empty());
        IngestCounters counters = new IngestCounters();
        List<LogFileStream> streams = new ArrayList<>();
        for (String f : List.of("hostapd.log", "portal.jsonl")) {
            Path p = sim.resolve(f);
            streams.add(new LogFileStream(p, new RecordDecoder(LogFormat.AUTO, ParseContext.of(TOKYO)), 8192,
                    Files.getLastModifiedTime(p).toMillis()));
        }
        try (EventTimeMerger merger = new EventTimeMerger(streams); EventPublisher pub = new EventPublisher(kafka)) {
            RecordRouter router = new RecordRouter(edge, pub::publish, pub::reject, System::currentTimeMillis, counters,
                    "file");
            for (LogRecord r = merger.next(); r != null; r = merger.next()) {
                router.route(r);
            }
            pub.flush();
        }
        return counters.published.get();
    }

    private static Map<Integer, Long> endOffsets(String kafka) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Map<Integer, Long> out = new HashMap<>();
            c.endOffsets(c.partitionsFor(Topics.EVENTS).stream().map(i -> new TopicPartition(Topics.EVENTS,
                    i.partition())).toList()).forEach((tp, o) -> out.put(tp.partition(), o));
            return out;
        }
    }


    interface Step {
        void run() throws Exception;
    }

    private static double seconds(Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The resident-set high-water mark of this JVM (the Flink MiniCluster runs in it), from /proc. */
    private static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
