package jp.tabiji.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.tabiji.stack.FreePorts;

/**
 * A real Flink 2.2 session cluster for tests: a JobManager and a TaskManager in their own JVMs, started from
 * Flink's jars on this test's class path the way Flink's own scripts do (memory flags from BashJavaUtils, the
 * Java 17 module opens of flink-dist's default configuration).
 */
final class FlinkSessionCluster implements AutoCloseable {
    private static final List<String> JAVA17_OPENS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final Path dir;
    private final int restPort = FreePorts.find();
    private final List<Process> processes = new ArrayList<>();
    private int taskManagers;

    FlinkSessionCluster(Path dir) {
        this.dir = dir;
    }

    String restAddress() {
        return "127.0.0.1:" + restPort;
    }

    FlinkSessionCluster start() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: 127.0.0.1", "jobmanager.rpc.port: " + FreePorts.find(),
                "jobmanager.bind-host: 127.0.0.1", "rest.address: 127.0.0.1", "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort, "blob.server.port: " + FreePorts.find(), "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.numberOfTaskSlots: 2", "jobmanager.memory.process.size: 1024m",
                "taskmanager.memory.process.size: 1024m", "taskmanager.memory.managed.fraction: 0.1",
                "parallelism.default: 2", "io.tmp.dirs: " + dir.resolve("tmp"),
                // this test cluster runs on the test's class path, which holds the connectors too
                "classloader.resolve-order: parent-first",
                // a killed TaskManager is noticed within seconds, and its jobs restart once a new one registers
                "heartbeat.interval: 1000", "heartbeat.timeout: 6000",
                // as in production (infra/deploy/flink): backoff that grows while a fault lasts, capped for a test
                "restart-strategy.type: exponential-delay", "restart-strategy.exponential-delay.initial-backoff: 1 s",
                "restart-strategy.exponential-delay.max-backoff: 8 s",
                DiskFullFileSystem.FLAG.key() + ": " + diskFullFlag(),
                "execution.checkpointing.storage: filesystem",
                "execution.checkpointing.dir: " + dir.resolve("checkpoints").toUri(), ""), StandardCharsets.UTF_8);
        processes.add(launch("jobmanager", "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", conf, "--executionMode",
                "cluster"));
        startTaskManager();
        awaitTaskManager(Duration.ofSeconds(90));
        return this;
    }

    /** Starts another TaskManager JVM (after {@link #killTaskManager}, its replacement). */
    void startTaskManager() throws Exception {
        taskManagers++;
        processes.add(launch("taskmanager-" + taskManagers, "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", dir.resolve("conf"),
                "-Dtaskmanager.rpc.port=" + FreePorts.find()));
    }

    /** Starts a TaskManager if the newest one is dead (a test killed it and failed before replacing it). */
    void ensureTaskManager() throws Exception {
        if (!processes.get(processes.size() - 1).isAlive()) {
            startTaskManager();
            awaitTaskManager(Duration.ofSeconds(90));
        }
    }

    /** Fills or frees the disk of every {@code fullfs://} path the cluster's jobs write ({@link DiskFullFileSystem}). */
    void diskFull(boolean full) throws IOException {
        if (full) {
            Files.writeString(diskFullFlag(), "full");
        } else {
            Files.deleteIfExists(diskFullFlag());
        }
    }

    private Path diskFullFlag() {
        return dir.resolve("disk-full");
    }

    /** SIGKILL to the newest TaskManager: no shutdown hooks, no goodbye to the JobManager. */
    void killTaskManager() throws InterruptedException {
        Process tm = processes.get(processes.size() - 1);
        tm.destroyForcibly();
        tm.waitFor();
    }

    /** A GET on the cluster's REST API, parsed. */
    com.fasterxml.jackson.databind.JsonNode rest(String path) throws Exception {
        String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://" + restAddress() + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    }

    /** Waits for a running job with at least one completed checkpoint, and returns its id. */
    String awaitCompletedCheckpoint(Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (com.fasterxml.jackson.databind.JsonNode job : rest("/jobs/overview").path("jobs")) {
                String id = job.path("jid").asText();
                if (job.path("state").asText().equals("RUNNING")
                        && rest("/jobs/" + id + "/checkpoints").path("counts").path("completed").asInt() > 0) {
                    return id;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no running job completed a checkpoint within " + timeout);
    }

    /**
     * Waits for a checkpoint of {@code job} triggered after {@code epochMs} to complete; returns the time it was
     * acknowledged (epoch ms), i.e. when the job had all its state safe again.
     */
    long awaitCheckpointTriggeredAfter(String job, long epochMs, Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            com.fasterxml.jackson.databind.JsonNode last = rest("/jobs/" + job + "/checkpoints").path("latest")
                    .path("completed");
            if (last.path("trigger_timestamp").asLong() > epochMs) {
                return last.path("latest_ack_timestamp").asLong();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("job " + job + " (" + rest("/jobs/" + job).path("state").asText()
                + ") completed no checkpoint triggered after " + epochMs + " within " + timeout + "; checkpoints "
                + rest("/jobs/" + job + "/checkpoints").path("counts") + "; failures " + failures(job));
    }

    /**
     * How often {@code job} has failed over so far: its exception history (the numRestarts metric would do, but the
     * REST API serves metrics from a cache that lags by up to ten seconds).
     */
    long restarts(String job) throws Exception {
        return failures(job).size();
    }

    /** The failures {@code job} has had, newest first, each as its exception's name and message chain. */
    List<String> failures(String job) throws Exception {
        List<String> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode e : rest("/jobs/" + job + "/exceptions").path("exceptionHistory")
                .path("entries")) {
            out.add(e.path("exceptionName").asText() + ": " + e.path("stacktrace").asText().lines()
                    .filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t..."))
                    .collect(java.util.stream.Collectors.joining(" | ")));
        }
        return out;
    }

    private Process launch(String name, String resourceQuery, String mainClass, Path conf, String... extra)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Process q = new ProcessBuilder(java, "-cp", cp, "org.apache.flink.runtime.util.bash.BashJavaUtils",
                resourceQuery, "--configDir", conf.toString()).redirectErrorStream(true).start();
        List<String> results = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
                .map(l -> l.substring("BASH_JAVA_UTILS_EXEC_RESULT:".length())).toList();
        q.waitFor();
        if (results.size() < 2) {
            throw new IllegalStateException("BashJavaUtils " + resourceQuery + " gave no memory settings");
        }
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(List.of(results.get(0).trim().split("\\s+")));
        cmd.addAll(JAVA17_OPENS);
        cmd.addAll(List.of("-cp", cp, mainClass, "--configDir", conf.toString()));
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of(results.get(results.size() - 1).trim().split("\\s+")));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }

    private void awaitTaskManager(Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        while (System.currentTimeMillis() < deadline) {
            try {
                String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://" + restAddress() + "/taskmanagers")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"id\"")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (!processes.get(0).isAlive()) {
                throw new IllegalStateException("the JobManager died: " + Files.readString(dir.resolve(
                        "jobmanager.out")));
            }
            if (!processes.get(processes.size() - 1).isAlive()) {
                throw new IllegalStateException("a TaskManager died: " + Files.readString(dir.resolve(
                        "taskmanager-" + taskManagers + ".out")));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the Flink cluster did not come up: " + Files.readString(
                dir.resolve("taskmanager-" + taskManagers + ".out")));
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
