package jp.tabiji.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSchemaTest {
    @Test
    void theDatabaseNameReplacesTabijiInTablesEnginesAndZooKeeperPaths() {
        List<String> statements = ClusterSchema.statements("region2");
        assertThat(statements).first().asString().isEqualTo("CREATE DATABASE IF NOT EXISTS region2 ON CLUSTER '{cluster}'");
        assertThat(String.join("\n", statements)).doesNotContainPattern("\\btabiji\\b")
                .contains("region2.visits_local", "'/clickhouse/tables/{shard}/region2/visits'",
                        "Distributed('{cluster}', region2, visits_local, cityHash64(device_id))",
                        "'/clickhouse/tables/all/region2/schema_migrations'");
        // each migration marked once, on one line (18.16's client ends an INSERT's data at its line end)
        assertThat(statements.stream().filter(s -> s.startsWith("INSERT INTO region2.schema_migrations")))
                .allSatisfy(s -> assertThat(s).doesNotContain("\n"));
        assertThat(statements).noneMatch(s -> s.startsWith("ALTER"));
    }

    @Test
    void theClusterScriptMarksEveryMigrationSoTheSingleServerMigratorHasNothingLeftToRunOnOneNode() {
        String script = String.join("\n", ClusterSchema.statements("tabiji"));
        assertThat(SchemaMigrator.migrations()).hasSizeGreaterThan(10)
                .allSatisfy(m -> assertThat(script).as("replicated.sql marks " + m).contains("('" + m + "'"));
    }

    @Test
    void refusesANameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> ClusterSchema.statements("x; DROP DATABASE tabiji"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
