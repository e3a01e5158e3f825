package jp.tabiji.app;

import java.io.PrintStream;
import java.util.List;
import jp.tabiji.analytics.clickhouse.ClickHouseHttp;
import jp.tabiji.analytics.clickhouse.SchemaMigrator;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.streaming.KafkaEventsJob;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * `tabiji stream`: the live job. Alone it runs embedded until Ctrl-C; with {@code --jobmanager HOST:PORT} (the
 * REST address of a Flink 2.2 session cluster) it submits the job jar ({@code streaming/target/*-job.jar},
 * TABIJI_JOB_JAR) there and returns the job id.
 */
final class StreamCommand {
    private final AppConfig config;
    private final PrintStream out;
    private final IngestCommand lifecycle;

    StreamCommand(AppConfig config, PrintStream out, IngestCommand lifecycle) {
        this.config = config;
        this.out = out;
        this.lifecycle = lifecycle;
    }

    /** @param jobManager a Flink cluster's REST address, or null to run the job embedded */
    int run(String jobManager, int parallelism, jp.tabiji.streaming.health.HealthSettings flags, String jobJar)
            throws Exception {
        new SchemaMigrator(new ClickHouseHttp(config.clickhouseUrl(), config.database())).migrate();
        TopicSetup.ensureTopics(config.kafka(), 2);
        List<String> args = new java.util.ArrayList<>(jobArgs(config));
        jp.tabiji.streaming.health.HealthSettings health = flags;
        if (java.nio.file.Files.exists(config.registryFile())) {
            health = health.withRegistry(jp.tabiji.ingest.registry.ApRegistry.load(config.registryFile()));
        }
        args.addAll(config.healthArgs(health));
        if (jobManager != null) {
            return submit(jobManager, jobJar, parallelism, args);
        }
        return embedded(parallelism, args);
    }

    /** The job's arguments for this configuration (the job jar's main reads them). */
    static List<String> jobArgs(AppConfig config) {
        return List.of("--kafka", config.kafka(), "--clickhouse", config.clickhouseUrl(), "--database",
                config.database(), "--zone", config.zone().getId(), "--archive", config.archive());
    }

    private int embedded(int parallelism, List<String> jobArgs) throws Exception {
        Configuration conf = EmbeddedJobRunner.checkpointsIn(config.home().resolve("checkpoints-live"));
        int metricsPort = Integer.parseInt(System.getenv().getOrDefault("TABIJI_FLINK_METRICS_PORT", "9249"));
        if (metricsPort > 0) {
            EmbeddedJobRunner.withPrometheus(conf, metricsPort);
            out.println("stream: Flink's metrics for Prometheus on port " + metricsPort + " (/metrics)");
        }
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.enableCheckpointing(10_000);
        KafkaEventsJob.defineLive(env, KafkaEventsJob.Settings.from(
                org.apache.flink.util.ParameterTool.fromArgs(jobArgs.toArray(new String[0]))));
        JobClient job = env.executeAsync(KafkaEventsJob.LIVE_JOB_NAME);
        out.println("stream: the live job runs embedded (parallelism " + parallelism + "), reading " + config.kafka()
                + ", results every 10 s in ClickHouse (Ctrl-C stops; it resumes from its committed offsets)");
        lifecycle.runUntilStopped(() -> job.cancel().get(), () -> "stream: " + status(job));
        return 0;
    }

    private static String status(JobClient job) {
        try {
            return job.getJobStatus().get().toString();
        } catch (Exception e) {
            return "status unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private int submit(String jobManager, String jobJar, int parallelism, List<String> jobArgs) throws Exception {
        var id = new ClusterSubmitter(jobManager, jobJar).submit(jobArgs, parallelism);
        out.println("stream: submitted to " + jobManager + " as job " + id);
        return 0;
    }
}
