package jp.tabiji.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jp.tabiji.analytics.catalogue.SegmentPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentRulesConfigTest {
    @TempDir
    Path dir;

    @Test
    void theRulesFileOverridesThePeriodsDefaults() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.properties"), "# a stricter staff rule\nstaff.days = 6\n");
        Map<String, String> env = Map.of("TABIJI_HOME", dir.toString(), "TABIJI_SEGMENT_RULES", rules.toString());
        assertThat(AppConfig.fromEnv(env).segmentRules(env).staffDays()).isEqualTo(6);
        assertThat(AppConfig.fromEnv(env).segmentRules(env).residentDays()).isEqualTo(8);
        Map<String, String> weekly = Map.of("TABIJI_HOME", dir.toString(), "TABIJI_PERIOD", "week");
        assertThat(AppConfig.fromEnv(weekly).segmentRules(weekly)).isEqualTo(SegmentPeriod.WEEK.thresholds());
    }

    @Test
    void aTypoInTheRulesFileStopsTheCommandNamingFileAndKey() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.properties"), "staff.dayz=6\n");
        Map<String, String> env = Map.of("TABIJI_HOME", dir.toString(), "TABIJI_SEGMENT_RULES", rules.toString());
        assertThatThrownBy(() -> AppConfig.fromEnv(env).segmentRules(env)).isInstanceOf(UsageException.class)
                .hasMessageContaining("rules.properties").hasMessageContaining("staff.dayz");
    }
}
