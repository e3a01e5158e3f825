package jp.tabiji.app;

import java.io.File;
import java.util.List;
import jp.tabiji.streaming.KafkaEventsJob;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.PackagedProgramUtils;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;

/** Submits the job jar to a Flink session cluster over its REST address, and waits for a job when asked. */
final class ClusterSubmitter {
    private final Configuration conf = new Configuration();
    private final File jobJar;
    private final List<String> extraArgs;

    ClusterSubmitter(String jobManager, String jobJar) {
        this(jobManager, jobJar, List.of());
    }

    /** @param extraArgs appended to every job's arguments (e.g. {@code --checkpoint-interval-ms 500}) */
    ClusterSubmitter(String jobManager, String jobJar, List<String> extraArgs) {
        this.extraArgs = List.copyOf(extraArgs);
        if (jobJar == null || !new File(jobJar).isFile()) {
            throw new UsageException("no job jar: build it (mvn package) or set TABIJI_JOB_JAR to streaming/target/"
                    + "tabiji-streaming-*-job.jar");
        }
        int colon = jobManager.lastIndexOf(':');
        if (colon < 1) {
            throw new UsageException("--jobmanager must be HOST:PORT (the REST port, 8081 by default)");
        }
        conf.set(RestOptions.ADDRESS, jobManager.substring(0, colon));
        conf.set(RestOptions.PORT, Integer.parseInt(jobManager.substring(colon + 1)));
        conf.set(JobManagerOptions.ADDRESS, jobManager.substring(0, colon));
        // the job graph is built here, where the connectors are on the class path too: one copy of each class
        conf.set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
        this.jobJar = new File(jobJar);
    }

    JobID submit(List<String> jobArgs, int parallelism) throws Exception {
        List<String> args = new java.util.ArrayList<>(jobArgs);
        args.addAll(extraArgs);
        PackagedProgram program = PackagedProgram.newBuilder().setJarFile(jobJar).setConfiguration(conf)
                .setEntryPointClassName(KafkaEventsJob.class.getName()).setArguments(args.toArray(new String[0]))
                .build();
        JobGraph graph = PackagedProgramUtils.createJobGraph(program, conf, parallelism, false);
        try (RestClusterClient<StandaloneClusterId> client = client()) {
            return client.submitJob(graph).get();
        }
    }

    /** Waits for a (bounded) job to end and returns its result with its accumulators; throws if it failed. */
    JobExecutionResult await(JobID id) throws Exception {
        try (RestClusterClient<StandaloneClusterId> client = client()) {
            JobResult result = client.requestJobResult(id).get();
            if (!result.isSuccess()) {
                throw new IllegalStateException("job " + id + " ended " + result.getApplicationStatus(),
                        result.getSerializedThrowable().map(t -> (Throwable) t).orElse(null));
            }
            return result.toJobExecutionResult(getClass().getClassLoader());
        }
    }

    private RestClusterClient<StandaloneClusterId> client() throws Exception {
        return new RestClusterClient<>(conf, StandaloneClusterId.getInstance());
    }
}
