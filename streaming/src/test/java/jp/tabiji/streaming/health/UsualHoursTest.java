package jp.tabiji.streaming.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import jp.tabiji.streaming.visit.RegionClock;
import org.junit.jupiter.api.Test;

class UsualHoursTest {
    private final UsualHours usual = new UsualHours(new RegionClock(ZoneId.of("Asia/Tokyo")), 4, 7);

    private static long at(int day, String time) {
        return OffsetDateTime.parse("2026-11-" + String.format("%02d", 2 + day) + "T" + time + "+09:00").toInstant()
                .toEpochMilli();
    }

    @Test
    void anHourIsUsualWhenItHadEventsOnFourOfTheSevenDaysBefore() {
        ApTrack t = new ApTrack();
        for (int d : new int[] {0, 2, 4, 5}) {
            usual.record(t, at(d, "10:30:00"));
        }
        usual.record(t, at(1, "11:30:00"));
        assertThat(usual.isUsual(t, at(6, "10:05:00"))).isTrue();
        assertThat(usual.isUsual(t, at(6, "11:05:00"))).isFalse(); // one day only
        assertThat(usual.isUsual(t, at(5, "10:05:00"))).isFalse(); // the day itself does not count: three before it
        assertThat(usual.usualMask(t, Math.floorDiv(new RegionClock(ZoneId.of("Asia/Tokyo")).hour(at(6, "00:00:00")),
                24L))).isEqualTo(1 << 10);
        assertThat(usual.isUsual(t, at(12, "10:05:00"))).isFalse(); // day 5 is the only one left in the window
    }

    @Test
    void theDeadlineCountsOnlyUsualMinutesAndSkipsDaysWithoutAny() {
        ApTrack t = new ApTrack();
        for (int d = 0; d < 4; d++) {
            usual.record(t, at(d, "10:30:00"));
        }
        long fifteen = 15 * 60_000L;
        // silent since 10:50 on day 4 (hour 10 usual from day 4 on): 10 minutes there, 5 more the next day
        assertThat(usual.silenceDeadline(t, at(4, "10:50:00"), fifteen)).isEqualTo(at(5, "10:05:00"));
        // an AP with too little history has no usual hours and so no deadline
        ApTrack young = new ApTrack();
        usual.record(young, at(0, "10:30:00"));
        assertThat(usual.silenceDeadline(young, at(0, "10:50:00"), fifteen)).isEqualTo(ApTrack.NONE);
    }
}
