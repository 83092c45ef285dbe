package org.openattendance.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Easter, from which Good Friday, Easter Monday and the demo's spring and summer terms follow. (Moved here from
 * WorkingDaysTest and DemoCalendarTest with the calculation; the bank holidays themselves are tested through
 * WorkingDaysTest.)
 */
class BankHolidaysTest {

    static IntStream years() {
        return IntStream.rangeClosed(2018, 2040);
    }

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16"})
    void easterSunday(int year, LocalDate easter) {
        assertThat(BankHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest
    @MethodSource("years")
    void knowsWhenEasterIs(int year) {
        LocalDate easter = BankHolidays.easterSunday(year);
        assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
    }

    @Test
    void putsEasterOnTheRightSunday() {
        assertThat(BankHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(BankHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(BankHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(BankHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(BankHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }
}
