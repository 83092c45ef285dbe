package org.openattendance.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.shared.AcademicYear;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The end of the school's final year: its pupils leave on the standard transition, once, through the one path. */
@IntegrationTest
class FinalYearLeaversTest {

    @Autowired
    FinalYearLeavers leavers;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onTheLastDayOfTheYearTheFinalYearLeavesOnceWithNoReturnAndTheYoungerYearsStay() {
        var school = fixtures.school(fixtures.newLaCode());
        String year6 = admit(school, 6);
        String year5 = admit(school, 5);
        LocalDate lastDay = AcademicYear.containing(Fixtures.today()).lastDay();   // the fixture's last term ends then

        leavers.takeOffRoll(lastDay.minusDays(1));
        assertThat(deletionDate(year6)).isNull();

        leavers.takeOffRoll(lastDay);
        leavers.takeOffRoll(lastDay);   // a second node, or the next evening

        assertThat(deletionDate(year6)).isEqualTo(lastDay);
        assertThat(deletionDate(year5)).isNull();
        assertThat(jdbc.queryForList("select ground || ':' || channel from pupil_deletion d join pupil p on p.id = d.pupil_id"
                + " where p.upn = ?", String.class, year6)).containsExactly("FINAL_YEAR_COMPLETED:END_OF_YEAR");
        assertThat(jdbc.queryForObject("select deletion_ground from pupil where upn = ?", String.class, year6))
                .isEqualTo("Completed the school's final year (standard transition)");
    }

    @Test
    void aRunLaterThanAWeekAfterTheEndOfTheYearLeavesTheRollAlone() {
        var school = fixtures.school(fixtures.newLaCode());
        String year6 = admit(school, 6);
        LocalDate lastDay = AcademicYear.containing(Fixtures.today()).lastDay();

        // the next academic year's calendar is unknown to the fixture: nothing ends then
        leavers.takeOffRoll(lastDay.plusDays(FinalYearLeavers.CATCH_UP_DAYS));

        assertThat(deletionDate(year6)).isNull();
    }

    private String admit(Fixtures.TestSchool school, int yearGroup) {
        return fixtures.pupilAdmitted(school, yearGroup, AcademicYear.containing(Fixtures.today()).previous().firstDay());
    }

    private LocalDate deletionDate(String upn) {
        return jdbc.queryForObject("select deletion_date from pupil where upn = ?", LocalDate.class, upn);
    }
}
