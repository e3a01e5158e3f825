package jp.tabiji.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * `tabiji bench pipeline`: on one generated workload, (a) Kafka → Flink passthrough P0, (b) the whole job into
 * ClickHouse and Parquet, (c) their ratio, (d) the ClickHouse sink alone, (e) peak memory of the JVM that ran (b),
 * (f) the job's operators with discarding sinks (Kafka in, nothing out: (b) against (f) is the sinks' I/O, (f)
 * against (a) the operators'), (g) ClickHouse's own Kafka engine loading the raw events, and (h) (b)/(g).
 * Each of (a), (b), (d) and (f) runs in a JVM of its own ({@link PipelineJobs}), {@link #REPEATS} times taken in
 * turn so that a slow minute of the machine falls on all of them; each figure is the median.
 */
final class PipelineBench {
    record Result(long events, double passthrough, double pipeline, long sinkRows, double sinkRowsPerS,
                  long peakRssMb, double operators, double kafkaEngine) {
    }

    static final int REPEATS = 3;
    private static final ZoneId TOKYO = PipelineJobs.TOKYO;

    private PipelineBench() {
    }

    static Result run(Path dir, int devices) throws Exception {
        Path sim = dir.resolve("sim");
        new WorkloadSimulator().write(new WorkloadSimulator.Options(3, devices, 5, LocalDate.of(2026, 11, 2),
                TOKYO, PseudonymPeriod.MONTH), sim);
        try (LocalStack stack = LocalStack.startOnFreePorts(dir.resolve("stack"))) {
            new SchemaMigrator(new ClickHouseHttp(stack.clickhouseUrl(), "bench")).migrate();
            TopicSetup.ensureTopics(stack.kafkaBootstrap(), 2);
            long events = publish(stack.kafkaBootstrap(), sim);
            String offsets = endOffsets(stack.kafkaBootstrap()).entrySet().stream()
                    .map(e -> e.getKey() + ":0:" + e.getValue()).collect(Collectors.joining(","));
            Map<PipelineJobs.Measure, List<double[]>> runs = new EnumMap<>(PipelineJobs.Measure.class);
            List<String> only = only();
            for (int i = 0; i < turns(); i++) {
                for (PipelineJobs.Measure m : PipelineJobs.Measure.values()) {
                    List<double[]> of = runs.computeIfAbsent(m, k -> new ArrayList<>());
                    if (only.isEmpty() || only.contains(m.name())) {
                        of.add(inOwnJvm(m, stack, dir, offsets));
                    }
                }
            }
            double engine = only.isEmpty() || only.contains("ENGINE")
                    ? KafkaEngineBaseline.run(dir, stack.kafkaBootstrap(), events, turns()) : Double.NaN;
            long peak = (long) runs.get(PipelineJobs.Measure.PIPELINE).stream().mapToDouble(r -> r[1]).max()
                    .orElse(-1);
            return new Result(events, median(runs, PipelineJobs.Measure.PASSTHROUGH),
                    median(runs, PipelineJobs.Measure.PIPELINE), PipelineJobs.SINK_ROWS,
                    median(runs, PipelineJobs.Measure.SINK), peak, median(runs, PipelineJobs.Measure.OPERATORS),
                    engine);
        }
    }

    /** {@code -Dbench.turns=N}: fewer turns while profiling one change. */
    static int turns() {
        return Integer.getInteger("bench.turns", REPEATS);
    }

    /**
     * {@code -Dbench.only=OPERATORS,PIPELINE}: only these measurements (names of {@link PipelineJobs.Measure}, and
     * ENGINE for the Kafka engine); the others print as NaN. For profiling a change, not for a reported figure.
     */
    private static List<String> only() {
        String v = System.getProperty("bench.only", "");
        return v.isBlank() ? List.of() : List.of(v.toUpperCase(Locale.ROOT).split(","));
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double median(Map<PipelineJobs.Measure, List<double[]>> runs, PipelineJobs.Measure m) {
        return median(runs.get(m).stream().mapToDouble(r -> r[0]).toArray());
    }

    /** Runs one measurement in a new JVM with this one's classpath; returns its rate and its peak RSS in MB. */
    private static double[] inOwnJvm(PipelineJobs.Measure m, LocalStack stack, Path dir, String offsets)
            throws IOException, InterruptedException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve("jvm-" + m.name().toLowerCase(Locale.ROOT) + ".log");
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx2g", "-XX:+UseG1GC"));
        if (Boolean.getBoolean("bench.jfr")) { // a profile of each run, for `jfr print` or JDK Mission Control
            cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + log.resolveSibling(
                    log.getFileName().toString().replace(".log", "-" + System.nanoTime() + ".jfr")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PipelineJobs.class.getName(), m.name(),
                stack.kafkaBootstrap(), stack.clickhouseUrl(), dir.toString(), offsets));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int rc = p.waitFor();
        List<String> lines = Files.readAllLines(log);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (rc != 0 || !last.startsWith("rate ")) {
            throw new IOException(m + " failed (exit " + rc + "), its output: " + log + "\n" + last);
        }
        String[] f = last.split(" ");
        return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[3])};
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


}
