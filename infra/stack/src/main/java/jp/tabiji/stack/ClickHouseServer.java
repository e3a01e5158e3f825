package jp.tabiji.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real ClickHouse server from Debian's {@code clickhouse-server} package, on its own data folder and ports,
 * with a minimal config written here (no system files touched). Server zone UTC, as DESIGN.md assumes.
 */
public final class ClickHouseServer implements AutoCloseable {
    public static final String BINARY = "/usr/sbin/clickhouse-server";

    private final Path dir;
    private final int httpPort;
    private final int tcpPort;
    private final String extraConfig;
    private final ManagedProcess process;

    public ClickHouseServer(Path dir, int httpPort, int tcpPort) {
        this(dir, httpPort, tcpPort, "");
    }

    /**
     * @param extraConfig elements added to the server's config.xml: a cluster member's (ZooKeeper, remote_servers,
     *     macros), the Kafka engine's, or ""
     */
    public ClickHouseServer(Path dir, int httpPort, int tcpPort, String extraConfig) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.extraConfig = extraConfig;
        this.process = new ManagedProcess("clickhouse", dir);
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of(BINARY));
    }

    public ClickHouseServer start() throws IOException {
        if (process.isRunning()) {
            return this;
        }
        if (!installed()) {
            throw new IOException(BINARY + " not found: install Debian's clickhouse-server package "
                    + "(./tabiji does it: see infra/stack/install-deps.sh)");
        }
        for (String sub : List.of("data", "tmp", "user_files", "format_schemas", "log")) {
            Files.createDirectories(dir.resolve(sub));
        }
        // device-level rows: nobody but the server's own user may read them, whatever the umask
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Files.writeString(dir.resolve("config.xml"), config(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("users.xml"),
                USERS.replace("<!--release-->", ServerProfiles.writerSettings(ServerProfiles.majorOf(BINARY))),
                StandardCharsets.UTF_8);
        process.start(List.of(BINARY, "--config-file=" + dir.resolve("config.xml")), dir);
        process.awaitReady(this::answers, Duration.ofSeconds(60));
        return this;
    }

    /**
     * Ready is this server answering: a query over HTTP (another server's interserver port answers {@code /ping}
     * alike but no query) and its native port listening, while its process still runs.
     */
    private boolean answers() {
        return process.isRunning() && FreePorts.isListening("127.0.0.1", tcpPort)
                && "1".equals(body(httpUrl() + "/?query=SELECT%201"));
    }

    public boolean ping() {
        return pings(httpUrl());
    }

    /** Whether a ClickHouse HTTP interface (ours, or any that answers {@code /ping} alike) answers at {@code url}. */
    public static boolean pings(String url) {
        return body(url + "/ping") != null;
    }

    /** The trimmed body of a 200 answer to GET {@code url}; null for any other answer or none. */
    private static String body(String url) {
        try {
            HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body().trim() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private String config() {
        return """
                <?xml version="1.0"?>
                <yandex>
                    <logger>
                        <level>warning</level>
                        <log>%1$s/log/clickhouse-server.log</log>
                        <errorlog>%1$s/log/clickhouse-server.err.log</errorlog>
                        <size>20M</size>
                        <count>2</count>
                    </logger>
                    <http_port>%2$d</http_port>
                    <tcp_port>%3$d</tcp_port>
                    <listen_host>127.0.0.1</listen_host>
                    <path>%1$s/data/</path>
                    <tmp_path>%1$s/tmp/</tmp_path>
                    <user_files_path>%1$s/user_files/</user_files_path>
                    <format_schema_path>%1$s/format_schemas/</format_schema_path>
                    <users_config>users.xml</users_config>
                    <default_profile>default</default_profile>
                    <default_database>default</default_database>
                    <timezone>UTC</timezone>
                    <mlock_executable>false</mlock_executable>
                    <mark_cache_size>268435456</mark_cache_size>
                    <uncompressed_cache_size>268435456</uncompressed_cache_size>
                    <max_concurrent_queries>50</max_concurrent_queries>
                %4$s
                </yandex>
                """.formatted(dir.toAbsolutePath(), httpPort, tcpPort, extraConfig);
    }

    private static final String USERS = """
            <?xml version="1.0"?>
            <yandex>
                <profiles>
                    <default>
                        <max_memory_usage>4000000000</max_memory_usage>
                        <!--release-->
                    </default>
                    <readonly>
                        <readonly>2</readonly>
                        <max_execution_time>60</max_execution_time>
                        <max_result_rows>1000000</max_result_rows>
                        <result_overflow_mode>throw</result_overflow_mode>
                        <max_memory_usage>4000000000</max_memory_usage>
                    </readonly>
                </profiles>
                <users>
                    <default>
                        <password></password>
                        <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                        <profile>default</profile>
                        <quota>default</quota>
                    </default>
                    <tabiji_reader>
                        <password></password>
                        <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                        <profile>readonly</profile>
                        <quota>default</quota>
                    </tabiji_reader>
                </users>
                <quotas>
                    <default>
                        <interval>
                            <duration>3600</duration>
                            <queries>0</queries>
                            <errors>0</errors>
                            <result_rows>0</result_rows>
                            <read_rows>0</read_rows>
                            <execution_time>0</execution_time>
                        </interval>
                    </default>
                </quotas>
            </yandex>
            """;

    /** SIGKILL: the server crashes with whatever it had not written; {@link #start} brings it back on its data. */
    public void kill() throws IOException {
        process.kill();
    }

    public long pid() {
        return process.handle().orElseThrow(() -> new IllegalStateException("clickhouse not running")).pid();
    }

    public void stop() throws IOException {
        process.stop(Duration.ofSeconds(15));
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
