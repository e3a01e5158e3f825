package jp.tabiji.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.flink.streaming.api.datastream.DataStream;
import jp.tabiji.streaming.KafkaEventsJob;
import jp.tabiji.streaming.visit.VisitSessionizer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the bounded replay job on an embedded MiniCluster (parallelism 2), with filesystem checkpoints. */
final class EmbeddedJobRunner {
    /** Live counters of the running job. */
    static final class JobProgress {
        final AtomicLong events = new AtomicLong();
        final AtomicLong visits = new AtomicLong();
        final AtomicLong late = new AtomicLong();

        /** The final counts of a finished job, embedded or on a cluster. */
        void finished(JobExecutionResult result) {
            events.set(asLong(result.getAccumulatorResult(VisitSessionizer.EVENTS_ACCUMULATOR)));
            visits.set(asLong(result.getAccumulatorResult(VisitSessionizer.VISITS_ACCUMULATOR)));
            late.set(asLong(result.getAccumulatorResult(VisitSessionizer.LATE_ACCUMULATOR)));
        }
    }

    private final Path checkpointDir;
    private final int parallelism;

    EmbeddedJobRunner(Path checkpointDir, int parallelism) {
        this.checkpointDir = checkpointDir;
        this.parallelism = parallelism;
    }

    JobExecutionResult runReplay(KafkaEventsJob.Settings settings, Map<Integer, Long> start, Map<Integer, Long> end,
                                 String groupId, JobProgress progress, UnaryOperator<DataStream<byte[]>> tap)
            throws Exception {
        Configuration conf = checkpointsIn(checkpointDir);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, java.time.Duration.ofSeconds(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.enableCheckpointing(5_000);
        KafkaEventsJob.defineBoundedReplay(env, settings, start, end, groupId, tap);
        JobClient job = env.executeAsync("tabiji replay");
        while (!job.getJobExecutionResult().isDone()) {
            try {
                Map<String, Object> acc = job.getAccumulators().get();
                progress.events.set(asLong(acc.get(VisitSessionizer.EVENTS_ACCUMULATOR)));
                progress.visits.set(asLong(acc.get(VisitSessionizer.VISITS_ACCUMULATOR)));
            } catch (Exception e) {
                // accumulators are not available at every moment of a job's life; try again
            }
            Thread.sleep(250);
        }
        JobExecutionResult result = job.getJobExecutionResult().get();
        progress.finished(result);
        return result;
    }

    /**
     * Adds Flink's Prometheus reporter on {@code port}: records in and out per operator, checkpoint durations,
     * watermarks (lag = now − {@code currentInputWatermark}) and the Kafka source's consumer lag.
     */
    static Configuration withPrometheus(Configuration conf, int port) {
        conf.setString("metrics.reporter.prom.factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        conf.setString("metrics.reporter.prom.port", Integer.toString(port));
        return conf;
    }

    /** An embedded cluster's configuration with filesystem checkpoints in {@code dir}. */
    static Configuration checkpointsIn(Path dir) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
        return conf;
    }

    private static long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
