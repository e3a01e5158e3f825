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
    private static final String CLASSPATH_RESOURCE = "/tabiji/kafka-broker.classpath";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final ManagedProcess process;

    public KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
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
        if (process.isRunning()) {
            return this;
        }
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
        process.start(cmd, dir);
        process.awaitReady(() -> FreePorts.isListening("127.0.0.1", port) && logSays("Kafka Server started"),
                Duration.ofSeconds(90));
        return this;
    }

    private void format(Path props) throws IOException {
        List<String> cmd = java("256m");
        cmd.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", props.toString()));
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
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"), "-cp", brokerClasspath()));
        return cmd;
    }

    private boolean logSays(String text) {
        try {
            return Files.readString(process.logFile(), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=2",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "transaction.max.timeout.ms=900000",
                "log.retention.hours=720",
                "") + "\n";
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (Kafka's Uuid format). Like Kafka's
     * own Uuid.randomUuid, never one that starts with '-', which the storage tool would take for an option.
     */
    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] b = new byte[16];
        String id;
        do {
            random.nextBytes(b);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        } while (id.startsWith("-"));
        return id;
    }

    static String brokerClasspath() {
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
