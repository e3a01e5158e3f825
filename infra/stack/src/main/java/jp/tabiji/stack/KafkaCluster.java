package jp.tabiji.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Several KRaft nodes, each broker and controller in its own JVM on its own folder and ports, with one cluster
 * id and a voter set over all of them. With three, internal topics and Tabiji's own (see TopicSetup) keep three
 * replicas and need two in sync, so any one node may die: the controller quorum keeps its majority and every
 * partition a leader.
 */
public final class KafkaCluster implements AutoCloseable {
    private final List<KafkaBroker> brokers = new ArrayList<>();

    public KafkaCluster(Path dir, int nodes) {
        List<int[]> ports = IntStream.range(0, nodes).mapToObj(i -> new int[] {FreePorts.find(), FreePorts.find()})
                .toList();
        String voters = IntStream.range(0, nodes).mapToObj(i -> (i + 1) + "@127.0.0.1:" + ports.get(i)[1])
                .collect(Collectors.joining(","));
        String clusterId = KafkaBroker.clusterId();
        for (int i = 0; i < nodes; i++) {
            brokers.add(new KafkaBroker(dir.resolve("kafka-" + (i + 1)), ports.get(i)[0], ports.get(i)[1],
                    new KafkaBroker.Membership(i + 1, voters, clusterId, Math.min(3, nodes))));
        }
    }

    /** Starts every node at once (none finishes before a majority of controllers runs) and waits for all. */
    public KafkaCluster start() throws IOException {
        for (KafkaBroker b : brokers) {
            if (!b.isRunning()) {
                b.launch();
            }
        }
        for (KafkaBroker b : brokers) {
            b.awaitStarted();
        }
        return this;
    }

    public String bootstrapServers() {
        return brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** Node {@code id} (1-based, as its node.id). */
    public KafkaBroker broker(int id) {
        return brokers.get(id - 1);
    }

    public int size() {
        return brokers.size();
    }

    /** Stops all nodes at once: stopped one by one, the last would wait in vain for a quorum to shut down. */
    public void stop() throws IOException {
        Parallel.run(brokers.stream().<Parallel.IoTask>map(b -> b::stop).toList());
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
