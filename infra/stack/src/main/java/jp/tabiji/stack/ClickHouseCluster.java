package jp.tabiji.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's ClickHouse server as a cluster named {@value #NAME}: {@code shards} × {@code replicas} servers on free
 * ports, each with its own folder, ZooKeeper for replication and ON CLUSTER statements, {@code remote_servers}
 * with internal replication, and macros {cluster}, {shard} and {replica} (unique across the whole cluster, as
 * tables replicated to every node need).
 */
public final class ClickHouseCluster implements AutoCloseable {
    public static final String NAME = "tabiji";
    private final ZooKeeperServer zookeeper;
    private final List<ClickHouseServer> servers = new ArrayList<>();
    private final int replicas;

    public ClickHouseCluster(Path dir, int shards, int replicas) {
        this.replicas = replicas;
        this.zookeeper = new ZooKeeperServer(dir.resolve("zookeeper"), FreePorts.find());
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < shards * replicas; i++) {
            ports.add(new int[] {FreePorts.find(), FreePorts.find(), FreePorts.find()});
        }
        StringBuilder remote = new StringBuilder("<remote_servers><" + NAME + ">");
        for (int s = 0; s < shards; s++) {
            remote.append("<shard><internal_replication>true</internal_replication>");
            for (int r = 0; r < replicas; r++) {
                remote.append("<replica><host>127.0.0.1</host><port>").append(ports.get(s * replicas + r)[1])
                        .append("</port></replica>");
            }
            remote.append("</shard>");
        }
        remote.append("</").append(NAME).append("></remote_servers>");
        for (int s = 0; s < shards; s++) {
            for (int r = 0; r < replicas; r++) {
                int[] p = ports.get(s * replicas + r);
                String member = remote + "<zookeeper><node><host>127.0.0.1</host><port>" + zookeeper.port()
                        + "</port></node><session_timeout_ms>30000</session_timeout_ms></zookeeper>"
                        + "<distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>"
                        + "<interserver_http_host>127.0.0.1</interserver_http_host><interserver_http_port>" + p[2]
                        + "</interserver_http_port><macros><cluster>" + NAME + "</cluster><shard>" + (s + 1)
                        + "</shard><replica>s" + (s + 1) + "r" + (r + 1) + "</replica></macros>";
                servers.add(new ClickHouseServer(dir.resolve("clickhouse-s" + (s + 1) + "r" + (r + 1)), p[0], p[1],
                        member));
            }
        }
    }

    public ClickHouseCluster start() throws IOException {
        zookeeper.start();
        Parallel.run(servers.stream().<Parallel.IoTask>map(s -> s::start).toList());
        return this;
    }

    /** Server {@code replica} (1-based) of shard {@code shard} (1-based). */
    public ClickHouseServer server(int shard, int replica) {
        return servers.get((shard - 1) * replicas + (replica - 1));
    }

    public List<ClickHouseServer> servers() {
        return List.copyOf(servers);
    }

    public void stop() throws IOException {
        try {
            for (ClickHouseServer s : servers) {
                s.stop();
            }
        } finally {
            zookeeper.stop();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
