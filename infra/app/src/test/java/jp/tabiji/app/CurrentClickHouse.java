package jp.tabiji.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tabiji.stack.ClickHouseServer;
import jp.tabiji.stack.FreePorts;
import jp.tabiji.stack.ManagedProcess;

/**
 * A current ClickHouse release for the tests: {@link ChdbHttpServer} in a JVM of its own. That JVM preloads the
 * JDK's {@code libjsig}, so the handlers chdb sets for SIGSEGV and its kin are chained behind the JVM's instead of
 * replacing them (the JVM relies on its own SIGSEGV handler for null checks and safepoints; with chdb's installed
 * in its place, the first such fault hangs for minutes and then kills the process).
 */
final class CurrentClickHouse implements AutoCloseable {
    private final ManagedProcess process;
    private final int port;

    private CurrentClickHouse(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts chdb on {@code dir}/data with {@code settings} set on its connection, and waits until it answers. */
    static CurrentClickHouse start(Path dir, Map<String, String> settings) throws IOException {
        Path javaHome = Path.of(System.getProperty("java.home"));
        int port = FreePorts.find();
        List<String> cmd = new ArrayList<>(List.of("env", "LD_PRELOAD=" + javaHome.resolve("lib/libjsig.so"),
                javaHome.resolve("bin/java").toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                ChdbHttpServer.class.getName(), Chdb.installedLibrary().toString(), dir.resolve("data").toString(),
                Integer.toString(port)));
        settings.forEach((name, value) -> cmd.add(name + "=" + value));
        ManagedProcess process = new ManagedProcess("chdb", dir);
        process.start(cmd, dir);
        CurrentClickHouse current = new CurrentClickHouse(process, port);
        process.awaitReady(current::answers, Duration.ofSeconds(60));
        return current;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private boolean answers() {
        return ClickHouseServer.pings(url());
    }

    @Override
    public void close() throws IOException {
        process.stop(Duration.ofSeconds(20));
    }
}
