package jp.tabiji.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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

/**
 * One measurement of `tabiji bench pipeline`, in a JVM of its own (issue 17): JIT state of one job must not slow
 * another, as it did when three jobs shared one JVM and made Flink's per-record call sites megamorphic. It runs its
 * job once to warm up, then once timed on the same offsets, and prints {@code rate <per second> rss <MB>}.
 *
 * <p>Arguments: the measurement ({@link Measure}), the Kafka bootstrap servers, the ClickHouse URL, a working
 * folder, and the offsets to read as {@code partition:start:end,...}.
 */
public final class PipelineJobs {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final long SINK_ROWS = 500_000;

    /** What one JVM measures. */
    enum Measure { PASSTHROUGH, PIPELINE, OPERATORS, SINK }

    private PipelineJobs() {
    }

    public static void main(String[] args) throws Exception {
        Measure m = Measure.valueOf(args[0]);
        Path dir = Path.of(args[3]);
        Map<Integer, Long> start = new HashMap<>();
        Map<Integer, Long> end = new HashMap<>();
        long events = 0;
        for (String part : args[4].split(",")) {
            String[] f = part.split(":");
            start.put(Integer.valueOf(f[0]), Long.valueOf(f[1]));
            end.put(Integer.valueOf(f[0]), Long.valueOf(f[2]));
            events += Long.parseLong(f[2]) - Long.parseLong(f[1]);
        }
        KafkaEventsJob.Settings s = new KafkaEventsJob.Settings(args[1], args[2], "bench", TOKYO,
                Duration.ofMinutes(2), 20_000, dir.resolve("archive").toUri().toString());
        long units = m == Measure.SINK ? SINK_ROWS : events;
        Step job = switch (m) {
            case PASSTHROUGH -> () -> passthrough(s, start, end);
            case PIPELINE -> () -> fullPipeline(dir, s, start, end);
            case OPERATORS -> () -> operatorsAlone(dir, s, start, end);
            case SINK -> () -> sinkAlone(args[2], SINK_ROWS, dir);
        };
        job.run(); // warm-up: class loading and the job's own code paths get compiled first
        long t0 = System.nanoTime();
        job.run();
        double rate = units / ((System.nanoTime() - t0) / 1e9);
        System.out.println("rate " + rate + " rss " + peakRssMb());
    }

    interface Step {
        void run() throws Exception;
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
