package jp.tabiji.analytics.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the schema migrations under {@code db/migration/} (listed in order in {@code index.txt}) that the
 * database has not seen, and records each in {@code schema_migrations}. Safe to run on every start.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final String DIR = "/db/migration/";

    private final ClickHouseHttp clickhouse;

    public SchemaMigrator(ClickHouseHttp clickhouse) {
        this.clickhouse = clickhouse;
    }

    /** Returns the names of the migrations applied now. */
    public List<String> migrate() {
        clickhouse.executeOnServer("CREATE DATABASE IF NOT EXISTS " + clickhouse.database());
        clickhouse.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name String, applied_at DateTime) "
                + "ENGINE = TinyLog");
        Set<String> applied = new HashSet<>();
        clickhouse.select("SELECT name FROM schema_migrations").forEach(r -> applied.add(r[0]));
        List<String> now = new ArrayList<>();
        for (String name : migrations()) {
            if (applied.contains(name)) {
                continue;
            }
            for (String statement : statements(resource(name))) {
                clickhouse.execute(statement);
            }
            clickhouse.execute("INSERT INTO schema_migrations VALUES ('" + name.replace("'", "") + "', now())");
            LOG.info("applied migration {}", name);
            now.add(name);
        }
        return now;
    }

    /** Every migration's name, in the order they apply. */
    public static List<String> migrations() {
        return resource("index.txt").lines().map(String::trim).filter(n -> !n.isEmpty() && !n.startsWith("#"))
                .toList();
    }

    /** The statements of a script: comment lines left out, each statement ending with a semicolon at a line end. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.trim().startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            if (line.trim().endsWith(";")) {
                String s = cur.toString().trim();
                out.add(s.substring(0, s.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().trim());
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
