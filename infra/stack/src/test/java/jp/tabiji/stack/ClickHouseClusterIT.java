package jp.tabiji.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickHouseClusterIT {
    @TempDir
    Path dir;

    @Test
    void fourServersFormTwoShardsOfTwoReplicas() throws Exception {
        try (ClickHouseCluster cluster = new ClickHouseCluster(dir, 2, 2).start()) {
            String out = client(cluster.server(1, 1), "SELECT shard_num, replica_num FROM system.clusters WHERE "
                    + "cluster = 'tabiji' ORDER BY shard_num, replica_num FORMAT CSV");
            assertThat(out.trim().split("\\n")).containsExactly("1,1", "1,2", "2,1", "2,2");
            assertThat(client(cluster.server(2, 2), "SELECT count() FROM system.zookeeper WHERE path = '/'").trim())
                    .isNotEqualTo("0");
            Process p = new ProcessBuilder("clickhouse-client", "--port", Integer.toString(cluster.server(1, 1).tcpPort()),
                    "--multiquery").redirectInput(Path.of("../deploy/clickhouse/replicated.sql").toFile())
                    .redirectErrorStream(true).start();
            String applied = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(applied).isZero();
        }
    }

    static String client(ClickHouseServer s, String query) throws Exception {
        Process p = new ProcessBuilder("clickhouse-client", "--port", Integer.toString(s.tcpPort()), "-q", query)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
