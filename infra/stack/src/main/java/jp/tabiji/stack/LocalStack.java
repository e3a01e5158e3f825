package jp.tabiji.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The local stack: one Kafka broker and one ClickHouse server, each with its own folder under the state
 * directory. `tabiji up/down/status` and the integration tests use the same class, the tests on free ports.
 */
public final class LocalStack implements AutoCloseable {
    /** Ports of one stack. */
    public record Ports(int kafka, int kafkaController, int clickhouseHttp, int clickhouseTcp) {
        public static final Ports DEFAULT = new Ports(9092, 9093, 8123, 9000);

        public static Ports free() {
            return new Ports(FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find());
        }
    }

    private final KafkaBroker kafka;
    private final ClickHouseServer clickhouse;

    public LocalStack(Path stateDir, Ports ports) {
        this.kafka = new KafkaBroker(stateDir.resolve("kafka"), ports.kafka(), ports.kafkaController());
        this.clickhouse = new ClickHouseServer(stateDir.resolve("clickhouse"), ports.clickhouseHttp(),
                ports.clickhouseTcp());
    }

    /** A stack on free ports in {@code dir}, started; for tests. */
    public static LocalStack startOnFreePorts(Path dir) throws IOException {
        return new LocalStack(dir, Ports.free()).start();
    }

    public LocalStack start() throws IOException {
        // start both at once: each spends most of its start-up waiting
        Parallel.run(List.of(clickhouse::start, kafka::start));
        return this;
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public String clickhouseUrl() {
        return clickhouse.httpUrl();
    }

    public int clickhouseTcpPort() {
        return clickhouse.tcpPort();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ClickHouseServer clickhouse() {
        return clickhouse;
    }

    public String status() {
        return String.format("kafka      %-8s %s%nclickhouse %-8s %s",
                kafka.isRunning() ? "running" : "stopped", kafka.bootstrapServers(),
                clickhouse.isRunning() ? (clickhouse.ping() ? "running" : "starting") : "stopped",
                clickhouse.httpUrl());
    }

    public boolean isRunning() {
        return kafka.isRunning() && clickhouse.isRunning();
    }

    public void stop() throws IOException {
        try {
            kafka.stop();
        } finally {
            clickhouse.stop();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
