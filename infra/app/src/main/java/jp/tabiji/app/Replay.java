package jp.tabiji.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.parse.EdgeProcessor;
import jp.tabiji.ingest.parse.EventNormalizer;
import jp.tabiji.ingest.parse.ParseContext;
import jp.tabiji.ingest.parse.RecordDecoder;
import jp.tabiji.ingest.privacy.Pseudonymizer;
import jp.tabiji.ingest.publish.EventPublisher;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.ingest.publish.Topics;
import jp.tabiji.ingest.replay.EventTimeMerger;
import jp.tabiji.ingest.replay.IngestCounters;
import jp.tabiji.ingest.replay.LogFileStream;
import jp.tabiji.ingest.replay.LogRecord;
import jp.tabiji.ingest.replay.RecordRouter;
import jp.tabiji.streaming.KafkaEventsJob;
import jp.tabiji.streaming.health.HealthSettings;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * `tabiji replay`: publishes log files (merged in event-time order) to Kafka, then runs a bounded job over
 * exactly what it published, and returns once every result is in ClickHouse.
 */
final class Replay {
    static final int MAX_LINE_BYTES = 8 * 1024;

    /** What one replay did. */
    record Summary(long lines, long published, long rejected, long skipped, long visits, long late,
                   long publishNanos, long jobNanos) {
        String line() {
            return String.format("replay: %,d lines read, %,d events published, %,d rejected (in %s), %,d skipped, "
                    + "%,d visits written, %,d events too late (in %s)%n"
                    + "replay: publishing took %s (%s), the job %s (%s, start-up and end of input included)",
                    lines, published, rejected, Topics.DLQ, skipped, visits, late, Topics.LATE,
                    seconds(publishNanos), perSecond(lines, publishNanos, "lines"), seconds(jobNanos),
                    perSecond(published, jobNanos, "events"));
        }

        private static String seconds(long nanos) {
            return String.format("%.1f s", nanos / 1e9);
        }

        private static String perSecond(long n, long nanos, String what) {
            return String.format("%,.0f %s/s", nanos == 0 ? 0.0 : n * 1e9 / nanos, what);
        }
    }

    private final AppConfig config;
    private final byte[] secret;
    private final PrintStream out;
    private final boolean terminal;
    private final HealthSettings health;

    Replay(AppConfig config, byte[] secret, PrintStream out, boolean terminal) {
        this(config, secret, out, terminal, HealthSettings.from(ParameterTool.fromMap(Map.of())));
    }

    /** @param health the hotspot-health thresholds (capacities come from the registry of each run) */
    Replay(AppConfig config, byte[] secret, PrintStream out, boolean terminal, HealthSettings health) {
        this.config = config;
        this.secret = secret;
        this.out = out;
        this.terminal = terminal;
        this.health = health;
    }

    Summary run(List<Path> inputs, SourceOptions options, UnaryOperator<DataStream<byte[]>> tap)
            throws Exception {
        return run(inputs, options, tap, null);
    }

    /** @param cluster a session cluster to run the job on, or null for the embedded one */
    Summary run(List<Path> inputs, SourceOptions options, UnaryOperator<DataStream<byte[]>> tap,
                ClusterSubmitter cluster) throws Exception {
        for (Path p : inputs) {
            if (!Files.isReadable(p)) {
                throw new UsageException("cannot read input file " + p);
            }
        }
        new SchemaMigrator(new ClickHouseHttp(config.clickhouseUrl(), config.database())).migrate();
        TopicSetup.ensureTopics(config.kafka(), 2);
        Map<Integer, Long> start = KafkaOffsets.latest(config.kafka(), Topics.EVENTS);
        long publishStart = System.nanoTime();
        IngestCounters counters = publish(inputs, options);
        long publishNanos = System.nanoTime() - publishStart;
        Map<Integer, Long> end = KafkaOffsets.latest(config.kafka(), Topics.EVENTS);

        EmbeddedJobRunner.JobProgress job = new EmbeddedJobRunner.JobProgress();
        long published = counters.published.get();
        long t0 = System.nanoTime();
        KafkaEventsJob.Settings settings = new KafkaEventsJob.Settings(config.kafka(), config.clickhouseUrl(),
                config.database(), config.zone(), jp.tabiji.streaming.VisitJob.DEFAULT_OUT_OF_ORDERNESS, 20_000,
                config.archive()).withHealth(health.withRegistry(options.registry()));
        try (Progress p = new Progress(out, terminal, () -> String.format(
                "processing: %,d of %,d events in the job, %,d left, %,d visits closed, %ds",
                job.events.get(), published, Math.max(0, published - job.events.get()), job.visits.get(),
                (System.nanoTime() - t0) / 1_000_000_000L))) {
            String group = "tabiji-replay-" + UUID.randomUUID();
            if (cluster != null) {
                List<String> args = new ArrayList<>(StreamCommand.jobArgs(config));
                args.addAll(List.of("--start-offsets", KafkaEventsJob.offsetsArg(start), "--end-offsets",
                        KafkaEventsJob.offsetsArg(end), "--group", group));
                args.addAll(config.healthArgs(settings.health()));
                job.finished(cluster.await(cluster.submit(args, 2)));
            } else {
                new EmbeddedJobRunner(config.home().resolve("checkpoints"), 2)
                        .runReplay(settings, start, end, group, job, tap);
            }
        }
        return new Summary(counters.lines.get(), published, counters.rejected.get(), counters.skipped.get(),
                job.visits.get(), job.late.get(), publishNanos, System.nanoTime() - t0);
    }

    /** Publishes the files to {@code tabiji.events} (and rejects to the DLQ) as one replay does, without a job. */
    IngestCounters publish(List<Path> inputs, SourceOptions options) throws IOException {
        IngestCounters counters = new IngestCounters();
        long totalBytes = 0;
        for (Path p : inputs) {
            totalBytes += Files.size(p);
        }
        ParseContext ctx = new ParseContext(config.zone(), options.defaultAp());
        List<LogFileStream> streams = new ArrayList<>();
        for (Path p : inputs) {
            streams.add(new LogFileStream(p, new RecordDecoder(options.format(), ctx), MAX_LINE_BYTES,
                    options.referenceTime(p)));
        }
        EdgeProcessor edge = new EdgeProcessor(new EventNormalizer(options.registry(),
                new Pseudonymizer(secret, config.period(), config.zone())), options.optOut());
        long total = totalBytes;
        try (EventTimeMerger merger = new EventTimeMerger(streams);
             EventPublisher publisher = new EventPublisher(config.kafka());
             Progress p = new Progress(out, terminal, () -> String.format(
                     "publishing: %,d lines read (%d%%), %,d events, %,d rejected, %,d skipped",
                     counters.lines.get(), total == 0 ? 100 : 100 * merger.bytesRead() / total,
                     counters.published.get(), counters.rejected.get(), counters.skipped.get()))) {
            RecordRouter router = new RecordRouter(edge, publisher::publish, publisher::reject,
                    System::currentTimeMillis, counters, "file");
            for (LogRecord r = merger.next(); r != null; r = merger.next()) {
                router.route(r);
            }
            publisher.flush();
        }
        return counters;
    }
}
