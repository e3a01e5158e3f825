package jp.tabiji.analytics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void theDefaultsAreDocsSegmentsRulesScaledByThePeriod() {
        assertThat(SegmentPeriod.MONTH.thresholds().describe()).isEqualTo("staff.days=5,staff.day.minutes=240,"
                + "staff.week.minutes=1200,commuter.weekdays=4,commuter.visit.minutes=45,commuter.sites=2,"
                + "commuter.windows=2,window.minutes=120,resident.days=8,resident.spread=15");
        assertThat(SegmentPeriod.WEEK.thresholds().describe()).startsWith("staff.days=3,").contains(
                "commuter.weekdays=3", "resident.days=5", "resident.spread=5");
        assertThat(SegmentPeriod.DAY.thresholds()).isNull();
    }

    @Test
    void aFileSetsOnlyTheThresholdsItNames() {
        Thresholds t = SegmentPeriod.MONTH.thresholds().with(props("staff.days", " 4 ", "commuter.sites", "3"));
        assertThat(t.staffDays()).isEqualTo(4);
        assertThat(t.commuterSites()).isEqualTo(3);
        assertThat(t.residentDays()).isEqualTo(8);
        assertThat(t.candidateDays()).isEqualTo(4);
        assertThat(t.candidateMinutes()).isEqualTo(Math.min(20 * 60, 4 * 240));
        assertThat(SegmentPeriod.MONTH.thresholds().with(new Properties())).isEqualTo(SegmentPeriod.MONTH.thresholds());
    }

    @Test
    void aTypoOrABadValueIsAnErrorNamingIt() {
        Thresholds month = SegmentPeriod.MONTH.thresholds();
        assertThatThrownBy(() -> month.with(props("staf.days", "4"))).hasMessageContaining("unknown segment rule")
                .hasMessageContaining("staf.days").hasMessageContaining("staff.days");
        assertThatThrownBy(() -> month.with(props("staff.days", "four"))).hasMessageContaining("staff.days")
                .hasMessageContaining("'four'");
        assertThatThrownBy(() -> month.with(props("resident.days", "0"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> month.with(props("window.minutes", "2000"))).hasMessageContaining("1440");
    }
}
