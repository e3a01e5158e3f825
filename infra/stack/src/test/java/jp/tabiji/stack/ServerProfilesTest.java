package jp.tabiji.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerProfilesTest {
    @Test
    void theOldReleaseGetsItsLowCardinalitySwitchAndNoSettingItWouldReject() {
        assertThat(ServerProfiles.writerSettings(18))
                .contains("<allow_experimental_low_cardinality_type>1<")
                .contains("<insert_deduplicate>0<")
                .doesNotContain("async_insert");
    }

    @Test
    void currentReleasesInsertSynchronouslyWithoutBlockDedupAndWithoutTheDroppedSwitch() {
        assertThat(ServerProfiles.writerSettings(26))
                .contains("<async_insert>0<")
                .contains("<insert_deduplicate>0<")
                .doesNotContain("low_cardinality");
    }

    @Test
    void readsTheMajorReleaseFromWhatTheBinarySays() {
        assertThat(ServerProfiles.majorIn("ClickHouse server version 26.7.1.1 (official build).")).isEqualTo(26);
        // 18.16's server answers --version with "Unknown option specified: version"
        assertThat(ServerProfiles.majorIn("Unknown option specified: version")).isEqualTo(18);
    }
}
