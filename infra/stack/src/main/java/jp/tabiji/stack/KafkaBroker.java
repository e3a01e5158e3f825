package jp.tabiji.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller), in its own JVM, from the Kafka jars that
 * Maven resolved for this module. Data under {@code dir}; listens on 127.0.0.1 only.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final String CLASSPATH_RESOURCE = "/tabiji/servers.classpath";

    /** Where a broker sits in its cluster: its node id, the controller quorum, and the cluster's replication. */
    record Membership(int nodeId, String voters, String clusterId, int replicas) {
        static Membership alone(int controllerPort) {
            return new Membership(1, "1@127.0.0.1:" + controllerPort, null, 1);
        }
    }

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final Membership membership;
    private final ManagedProcess process;
    private long logStart;

    public KafkaBroker(Path dir, int port, int controllerPort) {
        this(dir, port, controllerPort, Membership.alone(controllerPort));
    }

    KafkaBroker(Path dir, int port, int controllerPort, Membership membership) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.membership = membership;
        this.process = new ManagedProcess("kafka", dir);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    public KafkaBroker start() throws IOException {
        if (!process.isRunning()) {
            launch();
            awaitStarted();
        }
        return this;
    }

    /**
     * Starts the JVM without waiting: a broker of a cluster cannot finish starting before a majority of the
     * controller quorum runs, so a cluster launches all of them and then waits.
     */
    void launch() throws IOException {
        Files.createDirectories(dir);
        Path props = dir.resolve("server.properties");
        Files.writeString(props, serverProperties(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("log4j2.properties"), LOG4J, StandardCharsets.UTF_8);
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            format(props);
        }
        List<String> cmd = java("512m");
        cmd.add("kafka.Kafka");
        cmd.add(props.toString());
        logStart = process.logSize();
        process.start(cmd, dir);
    }

    void awaitStarted() throws IOException {
        process.awaitReady(() -> FreePorts.isListening("127.0.0.1", port) && logSays("Kafka Server started"),
                Duration.ofSeconds(90));
    }

    /** The broker JVM's pid, while it runs. */
    public long pid() {
        return process.handle().orElseThrow(() -> new IllegalStateException("broker not running")).pid();
    }

    public int nodeId() {
        return membership.nodeId();
    }

    /** SIGKILL: the broker crashes with whatever it had not flushed; {@link #start} brings it back on its data. */
    public void kill() throws IOException {
        process.kill();
    }

    private void format(Path props) throws IOException {
        List<String> cmd = java("256m");
        cmd.addAll(List.of("kafka.tools.StorageTool", "format", "-t",
                membership.clusterId() != null ? membership.clusterId() : clusterId(), "-c", props.toString()));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.out").toFile()).start();
        try {
            if (p.waitFor() != 0) {
                throw new IOException("formatting Kafka storage failed: " + Files.readString(dir.resolve("format.out")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private List<String> java(String heap) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"), "-cp", serversClasspath()));
        return cmd;
    }

    private boolean logSays(String text) {
        try {
            String log = Files.readString(process.logFile(), StandardCharsets.ISO_8859_1);
            return log.length() > logStart && log.substring((int) logStart).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + membership.nodeId(),
                "controller.quorum.voters=" + membership.voters(),
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=2",
                // a cluster keeps its internal topics on three brokers and acknowledges a write once two hold it,
                // so one broker may die without losing a committed offset or transaction
                "default.replication.factor=" + membership.replicas(),
                "min.insync.replicas=" + minInSync(membership.replicas()),
                "offsets.topic.replication.factor=" + membership.replicas(),
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=" + membership.replicas(),
                "transaction.state.log.min.isr=" + minInSync(membership.replicas()),
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=" + membership.replicas(),
                "share.coordinator.state.topic.min.isr=" + minInSync(membership.replicas()),
                "unclean.leader.election.enable=false",
                "group.initial.rebalance.delay.ms=0",
                "transaction.max.timeout.ms=900000",
                "log.retention.hours=720",
                "") + "\n";
    }

    /** In-sync replicas a write needs: a majority of at least two when there are replicas to spare. */
    static int minInSync(int replicas) {
        return replicas >= 3 ? 2 : 1;
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (Kafka's Uuid format). Like Kafka's
     * own Uuid.randomUuid, never one that starts with '-', which the storage tool would take for an option.
     */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] b = new byte[16];
        String id;
        do {
            random.nextBytes(b);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        } while (id.startsWith("-"));
        return id;
    }

    /** The class path of the server JVMs this module starts: Kafka's and ZooKeeper's jars with log4j. */
    static String serversClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + CLASSPATH_RESOURCE + ": build infra/stack with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() throws IOException {
        process.stop(Duration.ofSeconds(15));
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private static final String LOG4J = String.join("\n",
            "status = warn",
            "appender.console.type = Console",
            "appender.console.name = STDOUT",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = WARN",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "logger.raft.name = kafka.server.KafkaRaftServer",
            "logger.raft.level = INFO",
            "");
}
