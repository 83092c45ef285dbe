package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days for the receipt rule: weekends and bank holidays in England and Wales do not count. */
class WorkingDaysTest {

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2027-01-11, 2, 2027-01-13",   // Monday: Wednesday
            "2027-01-14, 2, 2027-01-18",   // Thursday: over the weekend to Monday
            "2027-03-25, 2, 2027-03-31",   // Thursday before Easter 2027: Good Friday 26, Easter Monday 29 March
            "2026-12-23, 2, 2026-12-29",   // Christmas 2026 on a Friday: Boxing Day moves to Monday 28
            "2027-12-23, 2, 2027-12-29",   // Christmas 2027 on a Saturday: 27 and 28 December are holidays
            "2027-08-27, 2, 2027-09-01",   // the summer bank holiday, Monday 30 August 2027
            "2027-01-11, 0, 2027-01-11"})  // handed over: the same day
    void receiptCountsWorkingDays(LocalDate posted, int days, LocalDate received) {
        assertThat(WorkingDays.after(posted, days)).isEqualTo(received);
    }

    @ParameterizedTest
    @CsvSource({"2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08", "2020-05-08", "2028-01-03", "2026-05-04",
            "2026-05-25"})
    void oneOffAndSubstituteHolidaysAreNotWorkingDays(LocalDate holiday) {
        assertThat(WorkingDays.isWorkingDay(holiday)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2022-05-30", "2020-05-04", "2026-05-05"})
    void aMovedHolidayIsAWorkingDay(LocalDate day) {
        assertThat(WorkingDays.isWorkingDay(day)).isTrue();
    }
}
