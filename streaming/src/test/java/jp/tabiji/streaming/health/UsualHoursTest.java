package jp.tabiji.streaming.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import jp.tabiji.ingest.registry.ClosedDays;
import jp.tabiji.ingest.registry.HolidayCalendar;
import jp.tabiji.ingest.event.EventType;
import jp.tabiji.ingest.event.WifiEvent;
import jp.tabiji.streaming.visit.RegionClock;
import org.junit.jupiter.api.Test;

class UsualHoursTest {
    private static final RegionClock CLOCK = new RegionClock(ZoneId.of("Asia/Tokyo"));
    private final UsualHours usual = new UsualHours(CLOCK, 4, 7, HolidayCalendar.japan(), Map.of());

    private static long at(int day, String time) {
        return java.time.LocalDate.of(2026, 11, 2).plusDays(day).atTime(java.time.LocalTime.parse(time))
                .atZone(ZoneId.of("Asia/Tokyo")).toInstant().toEpochMilli();
    }

    @Test
    void anHourIsUsualWhenItHadEventsOnFourOfTheSevenDaysBefore() {
        // in the second week of November (no holidays), before any day of the same kind is known
        ApTrack t = new ApTrack();
        for (int d : new int[] {7, 9, 11, 12}) {
            usual.record(t, at(d, "10:30:00"));
        }
        usual.record(t, at(8, "11:30:00"));
        assertThat(usual.isUsual(t, at(13, "10:05:00"))).isTrue();
        assertThat(usual.isUsual(t, at(13, "11:05:00"))).isFalse(); // one day only
        assertThat(usual.isUsual(t, at(12, "10:05:00"))).isFalse(); // the day itself does not count: three before it
        assertThat(usual.usualMask(t, day(13))).isEqualTo(1 << 10);
        assertThat(usual.isUsual(t, at(19, "10:05:00"))).isFalse(); // day 12 is the only one left in the window
    }

    @Test
    void theKeptMaskOfADayChangesWhenAnEarlierDayOrTheSiteChangesAndNotForTheDayItself() {
        ApTrack t = new ApTrack();
        for (int d : new int[] {7, 9, 11}) {
            usual.record(t, at(d, "10:30:00"));
        }
        assertThat(usual.usualMask(t, day(13))).isZero(); // three of the seven days before: not yet usual
        usual.record(t, at(13, "10:30:00"));
        assertThat(usual.usualMask(t, day(13))).isZero(); // the day itself does not count
        usual.record(t, at(12, "10:30:00")); // a late event of an earlier day
        assertThat(usual.usualMask(t, day(13))).isEqualTo(1 << 10);
        UsualHours closedOnFridays = new UsualHours(CLOCK, 4, 7, HolidayCalendar.japan(),
                Map.of("museum", ClosedDays.parse("fri")));
        assertThat(closedOnFridays.usualMask(t, day(16))).isEqualTo(1 << 10); // Wednesday 11-18, no site yet
        t.siteId = "museum"; // the registry puts the AP at a site closed on Fridays: Friday 11-13 is no evidence
        assertThat(closedOnFridays.usualMask(t, day(16))).isZero(); // three days with events are left
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

    /** Events at 10:30 on the days given (day 0 = Monday 2026-11-02; 11-03 and 11-23 are holidays). */
    private ApTrack busyAt(String hhmmss, int... days) {
        ApTrack t = new ApTrack();
        t.siteId = "museum";
        for (int d : days) {
            usual.record(t, at(d, hhmmss));
        }
        return t;
    }

    private static long day(int d) {
        return Math.floorDiv(CLOCK.hour(at(d, "12:00:00")), 24L);
    }

    @Test
    void onceItsMondaysAreKnownASiteQuietOnMondaysHasNoUsualHoursOnMondays() {
        // Tuesday to Sunday for four weeks, never on a Monday (days 7, 14, 21 and 28 are Mondays)
        int[] open = java.util.stream.IntStream.range(1, 28).filter(d -> d % 7 != 0).toArray();
        ApTrack t = busyAt("10:30:00", open);
        // Monday 11-30 (day 28): the Mondays 11-09 and 11-16 were quiet (11-23 is a holiday, a Sunday's kind)
        assertThat(usual.usualMask(t, day(28))).isZero();
        // Tuesday 12-01 (day 29) keeps its hours, from the Tuesdays before it
        assertThat(usual.usualMask(t, day(29))).isEqualTo(1 << 10);
        // in the first week there are no Mondays to go by: the days before decide (the limit closed days lift)
        ApTrack young = busyAt("10:30:00", 1, 2, 3, 4, 5, 6);
        assertThat(usual.usualMask(young, day(7))).isEqualTo(1 << 10);
    }

    @Test
    void aHolidayHasTheHoursOfSundaysAndHolidaysNotOfItsWeekday() {
        ApTrack t = new ApTrack();
        t.siteId = "park";
        for (int d = 0; d < 21; d++) {
            boolean sunday = d % 7 == 6 || d == 1; // 11-03 is 文化の日
            usual.record(t, at(d, sunday ? "08:30:00" : "14:30:00"));
        }
        // Monday 11-23, 勤労感謝の日: Sundays' 08:00, not Mondays' 14:00
        assertThat(usual.usualMask(t, day(21))).isEqualTo(1 << 8);
        // the Monday after, a working day: the Mondays' hour
        assertThat(usual.usualMask(t, day(28))).isEqualTo(1 << 14);
    }

    @Test
    void aClosedDayHasNoUsualHoursAndIsNoEvidenceForTheDaysAfter() {
        UsualHours museum = new UsualHours(CLOCK, 4, 7, HolidayCalendar.japan(),
                Map.of("museum", ClosedDays.parse("mon+")));
        ApTrack t = new ApTrack();
        t.siteId = "museum";
        for (int d = 1; d < 28; d++) {
            museum.record(t, at(d, "10:30:00")); // busy every day it is open, and some staff on closed days too
        }
        assertThat(museum.usualMask(t, day(7))).isZero();   // a plain Monday: closed
        assertThat(museum.usualMask(t, day(21))).isEqualTo(1 << 10); // 11-23, a holiday Monday: open
        assertThat(museum.usualMask(t, day(22))).isZero();  // and closed on Tuesday 11-24 instead
        assertThat(museum.usualMask(t, day(29))).isEqualTo(1 << 10); // Tuesday 12-01 open again
        // from the first week: no Monday history needed when the registry says the site is closed
        ApTrack young = new ApTrack();
        young.siteId = "museum";
        for (int d = 1; d < 7; d++) {
            museum.record(young, at(d, "10:30:00"));
        }
        assertThat(museum.usualMask(young, day(7))).isZero();
        assertThat(museum.usualMask(young, day(8))).isEqualTo(1 << 10);
        // the silence deadline skips the closed Monday: silent from Sunday 10:50, 10 usual minutes then, 5 on Tuesday
        long deadline = museum.silenceDeadline(young, at(6, "10:50:00"), 15 * 60_000L);
        assertThat(deadline).isEqualTo(at(8, "10:05:00"));
    }

    @Test
    void failedLoginsPerHourWithEventsOverTheDaysBefore() {
        ApTrack t = new ApTrack();
        for (int d = 0; d < 3; d++) {
            for (int h = 9; h < 13; h++) {
                for (int k = 0; k < 3; k++) { // 3 failures in each of 4 hours a day
                    usual.record(t, new WifiEvent(at(d, String.format("%02d:15:%02d", h, k)), "ap", "s", "dev", true,
                            EventType.LOGIN_FAILED, null, "test"));
                }
            }
        }
        assertThat(usual.failuresPerHour(t, day(3))).isEqualTo(3.0);
        assertThat(usual.failuresPerHour(t, day(0))).isZero(); // the day itself and later days do not count
        assertThat(usual.failuresPerHour(new ApTrack(), day(3))).isZero();
    }
}
