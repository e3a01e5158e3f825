package jp.tabiji.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.tabiji.ingest.publish.TopicSetup;
import jp.tabiji.stack.ClickHouseCluster;
import jp.tabiji.stack.ClickHouseServer;
import jp.tabiji.stack.FreePorts;
import jp.tabiji.stack.KafkaCluster;
import jp.tabiji.stack.Parallel;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The cluster ITs' servers, one set per test JVM (issue 16): three Kafka brokers with Tabiji's topics, a ClickHouse
 * server, ClickHouse as two shards of two replicas with its ZooKeeper, and a Flink session cluster. A part starts
 * when a test first asks for it (the parts one test names together start at once) and every part stops when the
 * JVM's tests are done. So that the tests cannot disturb one another: each restarts what it kills (and a part found
 * dead is restarted before it is handed out again), each keeps to databases of its own, and each reads Kafka from
 * offsets it found or committed itself, never from a topic's beginning, which holds the events of earlier tests.
 * A test gets it as a parameter, with {@code @ExtendWith(SharedClusters.Resolver.class)}.
 */
final class SharedClusters implements AutoCloseable {
    enum Part { KAFKA, CLICKHOUSE, CLICKHOUSE_CLUSTER, FLINK }

    /** Hands every test of the JVM the same instance, kept in JUnit's root store, which closes it at the end. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SharedClusters.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedClusters.class))
                    .getOrComputeIfAbsent(SharedClusters.class, k -> new SharedClusters(), SharedClusters.class);
        }
    }

    private final Path dir;
    private final Set<Part> started = EnumSet.noneOf(Part.class);
    private final KafkaCluster kafka;
    private final ClickHouseServer clickhouse;
    private final ClickHouseCluster clickhouseCluster;
    private final FlinkSessionCluster flink;

    private SharedClusters() {
        try {
            dir = Files.createTempDirectory("tabiji-clusters");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = new KafkaCluster(dir.resolve("kafka"), 3);
        clickhouse = new ClickHouseServer(dir.resolve("clickhouse"), FreePorts.find(), FreePorts.find());
        clickhouseCluster = new ClickHouseCluster(dir.resolve("clickhouse-cluster"), 2, 2);
        flink = new FlinkSessionCluster(dir.resolve("flink"));
    }

    /**
     * Makes sure {@code parts} run, starting those not running yet all at once, together with {@code alongside}
     * (work of the test's own that can overlap the starts, a simulation say).
     */
    synchronized SharedClusters start(Set<Part> parts, Parallel.IoTask... alongside) throws IOException {
        List<Parallel.IoTask> tasks = new ArrayList<>(List.of(alongside));
        for (Part part : parts) {
            tasks.add(() -> startOrHeal(part));
        }
        Parallel.run(tasks);
        started.addAll(parts);
        return this;
    }

    KafkaCluster kafka() throws IOException {
        return start(EnumSet.of(Part.KAFKA)).kafka;
    }

    ClickHouseServer clickhouse() throws IOException {
        return start(EnumSet.of(Part.CLICKHOUSE)).clickhouse;
    }

    ClickHouseCluster clickhouseCluster() throws IOException {
        return start(EnumSet.of(Part.CLICKHOUSE_CLUSTER)).clickhouseCluster;
    }

    FlinkSessionCluster flink() throws IOException {
        return start(EnumSet.of(Part.FLINK)).flink;
    }

    private void startOrHeal(Part part) throws IOException {
        switch (part) {
            case KAFKA -> {
                kafka.start(); // starts the nodes not running
                TopicSetup.ensureTopics(kafka.bootstrapServers(), 2);
            }
            case CLICKHOUSE -> clickhouse.start(); // each start below returns at once for a server running
            case CLICKHOUSE_CLUSTER -> clickhouseCluster.start();
            case FLINK -> {
                try {
                    if (!started.contains(Part.FLINK)) {
                        flink.start();
                    } else {
                        flink.ensureTaskManager();
                    }
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException("the Flink session cluster did not start", e);
                }
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        List<Parallel.IoTask> stops = new ArrayList<>();
        if (started.contains(Part.KAFKA)) {
            stops.add(kafka::stop);
        }
        if (started.contains(Part.CLICKHOUSE)) {
            stops.add(clickhouse::stop);
        }
        if (started.contains(Part.CLICKHOUSE_CLUSTER)) {
            stops.add(clickhouseCluster::stop);
        }
        if (started.contains(Part.FLINK)) {
            stops.add(flink::close);
        }
        Parallel.run(stops);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
