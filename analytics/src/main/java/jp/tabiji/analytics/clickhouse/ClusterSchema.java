package jp.tabiji.analytics.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The migrator's cluster mode: creates a database's tables on a replicated, sharded cluster from
 * {@code infra/deploy/clickhouse/replicated.sql} (statements ON CLUSTER '{cluster}', replicated tables behind
 * Distributed ones), with its name in place of {@code tabiji}, in table names and in ZooKeeper paths, so that
 * several databases can share one cluster. The script marks every migration as applied, so the single-server
 * migrator then finds nothing to do; it is safe to run again (every statement is IF NOT EXISTS).
 */
public final class ClusterSchema {
    private static final String SCRIPT = "/db/cluster/replicated.sql";
    private static final Pattern NAME = Pattern.compile("\\btabiji\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final ClickHouseHttp clickhouse;

    /** @param clickhouse any server of the cluster, and the database to create there */
    public ClusterSchema(ClickHouseHttp clickhouse) {
        this.clickhouse = clickhouse;
    }

    /** Runs the script; returns the migrations it marked as applied. */
    public Set<String> apply() {
        for (String statement : statements(clickhouse.database())) {
            clickhouse.executeOnServer(statement);
        }
        return Set.copyOf(clickhouse.select("SELECT name FROM schema_migrations").stream().map(r -> r[0]).toList());
    }

    static List<String> statements(String database) {
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("a cluster database is named in lower-case letters, digits and _");
        }
        return SchemaMigrator.statements(script()).stream()
                .map(s -> NAME.matcher(s).replaceAll(database)).toList();
    }

    private static String script() {
        try (InputStream in = ClusterSchema.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCRIPT + ": build analytics with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
