package jp.tabiji.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A standalone ZooKeeper (Maven Central's jars, in its own JVM, on 127.0.0.1 only): the coordination that
 * ClickHouse's replicated tables and its ON CLUSTER statements need. Data under {@code dir}.
 */
public final class ZooKeeperServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final ManagedProcess process;

    public ZooKeeperServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.process = new ManagedProcess("zookeeper", dir);
    }

    public int port() {
        return port;
    }

    public ZooKeeperServer start() throws IOException {
        if (process.isRunning()) {
            return this;
        }
        Files.createDirectories(dir.resolve("data"));
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, String.join("\n", "tickTime=500", "initLimit=10", "syncLimit=5",
                "dataDir=" + dir.resolve("data"), "clientPort=" + port, "clientPortAddress=127.0.0.1",
                "maxClientCnxns=200", "admin.enableServer=false", "4lw.commands.whitelist=ruok,srvr",
                // ClickHouse 18.16's client asks for sessions of 30 s; allow them
                "maxSessionTimeout=60000", ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n", "status = warn",
                "appender.console.type = Console", "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout", "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = WARN", "rootLogger.appenderRef.stdout.ref = STDOUT", ""), StandardCharsets.UTF_8);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx256m", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-Dzookeeper.jmx.log4j.disable=true", "-cp", KafkaBroker.serversClasspath(),
                "org.apache.zookeeper.server.ZooKeeperServerMain", cfg.toString());
        process.start(cmd, dir);
        process.awaitReady(this::answers, Duration.ofSeconds(60));
        return this;
    }

    /** ZooKeeper's own health word: "imok" to "ruok". */
    boolean answers() {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(2_000);
            s.getOutputStream().write("ruok".getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).equals("imok");
        } catch (IOException e) {
            return false;
        }
    }

    public void stop() throws IOException {
        process.stop(Duration.ofSeconds(10));
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
