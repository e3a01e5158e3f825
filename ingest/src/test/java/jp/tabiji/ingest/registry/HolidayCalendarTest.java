package jp.tabiji.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {
    private final HolidayCalendar japan = HolidayCalendar.japan();

    @Test
    void theShippedFileKnowsTheHolidaysAsTheCabinetOfficeListsThem() {
        assertThat(japan.firstYear()).isLessThanOrEqualTo(2007); // vendors' sample logs go back to 2017
        assertThat(japan.lastYear()).isGreaterThanOrEqualTo(2027);
        // fixed, Happy-Monday and equinox holidays
        assertThat(japan.name(LocalDate.of(2026, 1, 1))).hasValue("元日");
        assertThat(japan.name(LocalDate.of(2026, 1, 12))).hasValue("成人の日");
        assertThat(japan.name(LocalDate.of(2026, 3, 20))).hasValue("春分の日");
        assertThat(japan.name(LocalDate.of(2026, 9, 23))).hasValue("秋分の日");
        assertThat(japan.name(LocalDate.of(2026, 10, 12))).hasValue("スポーツの日");
        // substitute holidays (a holiday on a Sunday) and a day between two holidays
        assertThat(japan.name(LocalDate.of(2026, 5, 6))).hasValue("休日");
        assertThat(japan.name(LocalDate.of(2025, 2, 24))).hasValue("休日");
        assertThat(japan.name(LocalDate.of(2026, 9, 22))).hasValue("休日");
        // the Olympic year moved three holidays
        assertThat(japan.isHoliday(LocalDate.of(2021, 7, 23))).isTrue();
        assertThat(japan.isHoliday(LocalDate.of(2021, 10, 11))).isFalse();
        assertThat(japan.isHoliday(LocalDate.of(2026, 12, 4))).isFalse();
        // 15 holidays a year at least (16 since 山の日 in 2016), none of them a Sunday substitute left on a Sunday
        for (int y = japan.firstYear(); y <= japan.lastYear(); y++) {
            int year = y;
            assertThat(japan.all().keySet().stream().filter(d -> d.getYear() == year).count()).as("holidays of " + y)
                    .isBetween(15L, 22L);
        }
        assertThat(japan.all().entrySet()).noneMatch(e -> e.getValue().equals("休日")
                && e.getKey().getDayOfWeek() == DayOfWeek.SUNDAY);
    }

    @Test
    void theDayIndexAgreesWithTheNamedListOnEveryKnownDayAndAtBothEdges() {
        LocalDate first = LocalDate.of(japan.firstYear(), 1, 1);
        LocalDate last = LocalDate.of(japan.lastYear(), 12, 31);
        int holidays = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            assertThat(japan.isHoliday(d.toEpochDay())).as(d.toString()).isEqualTo(japan.name(d).isPresent());
            holidays += japan.isHoliday(d.toEpochDay()) ? 1 : 0;
        }
        assertThat(holidays).isEqualTo(japan.all().size());
        assertThat(japan.isHoliday(first.toEpochDay())).isTrue(); // 元日
        assertThatThrownBy(() -> japan.isHoliday(first.toEpochDay() - 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> japan.isHoliday(last.toEpochDay() + 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDaysKindIsItsWeekdayAndSundayForEveryHoliday() {
        LocalDate first = LocalDate.of(japan.firstYear(), 1, 1);
        LocalDate last = LocalDate.of(japan.lastYear(), 12, 31);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            int expected = japan.isHoliday(d) ? 7 : d.getDayOfWeek().getValue();
            assertThat(japan.kindOfDay(d.toEpochDay())).as(d.toString()).isEqualTo(expected);
        }
        assertThat(japan.kindOfDay(LocalDate.of(2026, 11, 23).toEpochDay())).as("勤労感謝の日, a Monday").isEqualTo(7);
        assertThat(japan.kindOfDay(LocalDate.of(2026, 11, 24).toEpochDay())).as("a Tuesday").isEqualTo(2);
    }

    @Test
    void aYearTheFileDoesNotKnowIsAnErrorThatSaysWhatToDo() {
        LocalDate past = LocalDate.of(japan.lastYear() + 1, 1, 1);
        assertThatThrownBy(() -> japan.isHoliday(past)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("known for " + japan.firstYear() + "–" + japan.lastYear())
                .hasMessageContaining("syukujitsu.csv");
        assertThatThrownBy(() -> japan.isHoliday(LocalDate.of(japan.firstYear() - 1, 6, 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFileWithAGapOrABadDateIsRefused() {
        assertThatThrownBy(() -> HolidayCalendar.parse(List.of("h", "2025/1/1,元日", "2027/1/1,元日"), "gap.csv"))
                .hasMessageContaining("misses the year 2026");
        assertThatThrownBy(() -> HolidayCalendar.parse(List.of("h", "2025/13/1,x"), "bad.csv"))
                .hasMessageContaining("bad.csv:2");
        assertThat(HolidayCalendar.parse(List.of("h", "2030-01-01,元日", "# a note", ""), "iso.csv")
                .isHoliday(LocalDate.of(2030, 1, 1))).isTrue();
    }
}
