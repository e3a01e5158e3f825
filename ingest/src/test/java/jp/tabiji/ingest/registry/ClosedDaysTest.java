package jp.tabiji.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClosedDaysTest {
    private final HolidayCalendar japan = HolidayCalendar.japan();

    private boolean closed(String rules, String day) {
        return ClosedDays.parse(rules).isClosed(LocalDate.parse(day), japan);
    }

    @Test
    void aMuseumClosedOnMondaysOpensOnAHolidayMondayAndClosesTheNextWorkingDay() {
        assertThat(closed("mon+", "2026-11-30")).isTrue();   // a plain Monday
        assertThat(closed("mon+", "2026-12-01")).isFalse();  // the Tuesday after it
        assertThat(closed("mon+", "2026-10-12")).isFalse();  // スポーツの日, a Monday: open
        assertThat(closed("mon+", "2026-10-13")).isTrue();   // closed the Tuesday after
        assertThat(closed("mon+", "2026-10-14")).isFalse();
        // Golden Week 2026: Mon 4 and Tue 5 May and the substitute Wed 6 are holidays: closed Thursday 7
        assertThat(closed("mon+", "2026-05-05")).isFalse();
        assertThat(closed("mon+", "2026-05-06")).isFalse();
        assertThat(closed("mon+", "2026-05-07")).isTrue();
        assertThat(closed("mon+", "2026-05-08")).isFalse();
        // plain "mon" closes on a holiday Monday too, and not the day after
        assertThat(closed("mon", "2026-10-12")).isTrue();
        assertThat(closed("mon", "2026-10-13")).isFalse();
    }

    @Test
    void holidaysYearlySpansAcrossTheNewYearAndParticularDays() {
        assertThat(closed("holidays", "2026-11-23")).isTrue();
        assertThat(closed("holidays", "2026-11-24")).isFalse();
        String winter = "12-29..01-03";
        assertThat(closed(winter, "2026-12-28")).isFalse();
        assertThat(closed(winter, "2026-12-31")).isTrue();
        assertThat(closed(winter, "2027-01-03")).isTrue();
        assertThat(closed(winter, "2027-01-04")).isFalse();
        assertThat(closed("08-13..08-15", "2026-08-14")).isTrue();
        assertThat(closed("08-13..08-15", "2026-08-16")).isFalse();
        assertThat(closed("2026-12-01..2026-12-05; wed", "2026-12-03")).isTrue();
        assertThat(closed("2026-12-01..2026-12-05; wed", "2026-12-09")).isTrue();
        assertThat(closed("2026-12-01..2026-12-05; wed", "2026-12-10")).isFalse();
        assertThat(closed("2026-12-24", "2026-12-24")).isTrue();
        assertThat(ClosedDays.parse(" ").isEmpty()).isTrue();
        assertThat(ClosedDays.parse("TUE Sun").isClosed(LocalDate.parse("2026-12-06"), japan)).isTrue();
    }

    @Test
    void anUnreadableRuleIsAnErrorNamingIt() {
        for (String bad : new String[] {"monday", "2026-13-01", "12-29..", "2026-12-05..2026-12-01", "wed+..x"}) {
            assertThatThrownBy(() -> ClosedDays.parse("mon " + bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
