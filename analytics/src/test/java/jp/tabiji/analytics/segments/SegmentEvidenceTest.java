package jp.tabiji.analytics.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import jp.tabiji.analytics.catalogue.Segment;
import jp.tabiji.analytics.catalogue.SegmentPeriod;
import jp.tabiji.analytics.catalogue.Thresholds;
import jp.tabiji.ingest.registry.OpenHours;
import jp.tabiji.ingest.registry.Site;
import org.junit.jupiter.api.Test;

class SegmentEvidenceTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Thresholds MONTH = SegmentPeriod.MONTH.thresholds();
    private static final Map<String, Site> SITES = Map.of(
            "station", new Site("station", "駅", "Station", "A", 38, 140),
            "onsen", new Site("onsen", "温泉", "Onsen", "A", 38, 140, Site.LODGING, OpenHours.DEFAULT),
            "museum", new Site("museum", "館", "Museum", "A", 38, 140, null, new OpenHours(9 * 60, 17 * 60)));

    /** A visit starting on 2026-11-{day} at hh:mm for the given minutes. */
    private static DeviceVisit visit(String site, int day, int hh, int mm, long minutes) {
        LocalDateTime start = LocalDateTime.of(2026, 11, day, hh, mm);
        long ms = start.atZone(TOKYO).toInstant().toEpochMilli();
        return new DeviceVisit(site, ms, ms + minutes * 60_000L, start.toLocalDate());
    }

    private static SegmentEvidence evidence(List<DeviceVisit> visits) {
        return SegmentEvidence.of(visits, SITES::get, TOKYO, MONTH);
    }

    @Test
    void fiveLongDaysAtOneSiteWithinItsHoursAreStaff_fourAreNot() {
        List<DeviceVisit> v = new ArrayList<>();
        for (int d = 2; d <= 6; d++) {
            v.add(visit("station", d, 9, 0, 4 * 60)); // exactly 4 h within 07-22
        }
        assertThat(evidence(v).staffDays()).isEqualTo(5);
        assertThat(evidence(v).segment(MONTH)).isEqualTo(Segment.STAFF);
        assertThat(evidence(v.subList(0, 4)).segment(MONTH)).isNotEqualTo(Segment.STAFF);
    }

    @Test
    void onlyTheHoursWithinOpeningHoursCount() {
        List<DeviceVisit> v = new ArrayList<>();
        for (int d = 2; d <= 6; d++) {
            v.add(visit("museum", d, 14, 0, 6 * 60)); // 14-20, the museum closes at 17: 3 h count
        }
        assertThat(evidence(v).staffDays()).isZero();
        assertThat(evidence(v).staffWeekMinutes()).isEqualTo(5 * 3 * 60);
        assertThat(evidence(v).segment(MONTH)).isEqualTo(Segment.VISITOR);
    }

    @Test
    void twentyHoursInOneIsoWeekAreStaffEvenOnFewDays() {
        List<DeviceVisit> v = List.of(visit("station", 2, 7, 0, 10 * 60), visit("station", 3, 7, 0, 10 * 60));
        assertThat(evidence(v).staffWeekMinutes()).isEqualTo(20 * 60);
        assertThat(evidence(v).segment(MONTH)).isEqualTo(Segment.STAFF);
        // the same hours split over two ISO weeks (Sunday 8th, Monday 9th) are not
        List<DeviceVisit> split = List.of(visit("station", 8, 7, 0, 10 * 60), visit("station", 9, 7, 0, 10 * 60));
        assertThat(evidence(split).segment(MONTH)).isEqualTo(Segment.VISITOR);
    }

    @Test
    void aGuestWhoSleepsAtTheOnsenIsNoStaffThere() {
        List<DeviceVisit> v = new ArrayList<>();
        for (int d = 2; d <= 7; d++) {
            v.add(visit("onsen", d, 15, 0, 20 * 60)); // 15:00 to 11:00 next day, every night
        }
        SegmentEvidence e = evidence(v);
        assertThat(e.guest()).isTrue();
        assertThat(e.staffDays()).isZero();
        assertThat(e.segment(MONTH)).isEqualTo(Segment.VISITOR);
        // the same hours by day only (a member of the onsen's staff) are staff
        List<DeviceVisit> staff = new ArrayList<>();
        for (int d = 2; d <= 7; d++) {
            staff.add(visit("onsen", d, 8, 0, 9 * 60));
        }
        assertThat(evidence(staff).guest()).isFalse();
        assertThat(evidence(staff).segment(MONTH)).isEqualTo(Segment.STAFF);
    }

    @Test
    void shortWeekdayVisitsAtRoutineTimesAreACommuter() {
        List<DeviceVisit> v = new ArrayList<>();
        for (int d : new int[] {2, 3, 4, 5}) { // Monday to Thursday
            v.add(visit("station", d, 7, 40 + d, 10));
            v.add(visit("station", d, 18, 10, 44));
        }
        SegmentEvidence e = evidence(v);
        assertThat(e.weekdays()).isEqualTo(4);
        assertThat(e.startWindows()).isEqualTo(2);
        assertThat(e.segment(MONTH)).isEqualTo(Segment.COMMUTER);
        List<DeviceVisit> longer = new ArrayList<>(v);
        longer.add(visit("station", 6, 8, 0, 45)); // one visit of 45 min
        assertThat(evidence(longer).segment(MONTH)).isEqualTo(Segment.VISITOR);
        List<DeviceVisit> thirdWindow = new ArrayList<>(v);
        thirdWindow.add(visit("station", 6, 12, 30, 10));
        assertThat(evidence(thirdWindow).startWindows()).isEqualTo(3);
        assertThat(evidence(thirdWindow).segment(MONTH)).isEqualTo(Segment.VISITOR);
    }

    @Test
    void aWindowCoversTwoHoursFromItsFirstStartInclusive() {
        List<DeviceVisit> v = List.of(visit("station", 2, 7, 0, 5), visit("station", 3, 9, 0, 5),
                visit("station", 4, 9, 1, 5));
        assertThat(evidence(v).startWindows()).isEqualTo(2); // 07:00 covers up to 09:00; 09:01 opens the next
    }

    @Test
    void manyDaysSpreadOverTheMonthAreAResident_aContiguousStayIsAVisitor() {
        List<DeviceVisit> spread = new ArrayList<>();
        for (int d = 1; d <= 29; d += 4) {
            spread.add(visit(d % 8 == 1 ? "museum" : "station", d, 12, 0, 60));
        }
        assertThat(evidence(spread).days()).isEqualTo(8);
        assertThat(evidence(spread).spreadDays()).isEqualTo(29);
        assertThat(evidence(spread).segment(MONTH)).isEqualTo(Segment.RESIDENT);
        List<DeviceVisit> stay = new ArrayList<>();
        for (int d = 10; d <= 23; d++) {
            stay.add(visit(d % 2 == 0 ? "museum" : "station", d, 12, 0, 60)); // 14 days in a row
        }
        assertThat(evidence(stay).spreadDays()).isEqualTo(14);
        assertThat(evidence(stay).segment(MONTH)).isEqualTo(Segment.VISITOR);
        assertThat(evidence(stay).segment(SegmentPeriod.WEEK.thresholds())).isEqualTo(Segment.RESIDENT);
    }

    @Test
    void dailyPseudonymsClassifyNoOne() {
        List<DeviceVisit> v = List.of(visit("station", 2, 7, 0, 600));
        assertThat(evidence(v).segment(SegmentPeriod.DAY.thresholds())).isEqualTo(Segment.UNKNOWN);
    }

    @Test
    void configuredRulesDecideInsteadOfTheDefaults() {
        List<DeviceVisit> v = new ArrayList<>();
        for (int d = 2; d <= 4; d++) {
            v.add(visit("museum", d, 9, 0, 3 * 60)); // three days of 3 h
        }
        assertThat(evidence(v).segment(MONTH)).isEqualTo(Segment.VISITOR);
        Properties p = new Properties();
        p.setProperty("staff.days", "3");
        p.setProperty("staff.day.minutes", "180");
        Thresholds shorter = MONTH.with(p);
        SegmentEvidence e = SegmentEvidence.of(v, SITES::get, TOKYO, shorter);
        assertThat(e.staffDays()).isEqualTo(3);
        assertThat(e.segment(shorter)).isEqualTo(Segment.STAFF);
        // a three-hour window joins starts two and a half hours apart; the default two hours does not
        List<DeviceVisit> commute = new ArrayList<>();
        for (int d = 2; d <= 6; d++) {
            commute.add(visit("station", d, 7, 0, 10));
            commute.add(visit("station", d, 9, 30, 10));
            commute.add(visit("station", d, 18, 0, 10));
        }
        assertThat(evidence(commute).startWindows()).isEqualTo(3);
        assertThat(evidence(commute).segment(MONTH)).isEqualTo(Segment.VISITOR);
        p = new Properties();
        p.setProperty("window.minutes", "180");
        Thresholds wider = MONTH.with(p);
        assertThat(SegmentEvidence.of(commute, SITES::get, TOKYO, wider).segment(wider)).isEqualTo(Segment.COMMUTER);
    }
}
