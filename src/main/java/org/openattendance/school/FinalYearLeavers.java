package org.openattendance.school;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.London;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of a school's final year group: on the last day of the school's last term (or within the week after it, if
 * no node ran that evening; not later, when the school's MIS may already have moved next year's pupils up) every pupil still on roll in the final year group leaves through the one deletion
 * path on the standard transition ground, which needs no return (the social worker and Virtual School Head are still
 * told). Every node may run it: a pupil is deleted once (the deletion row is unique), so a second run changes nothing.
 */
@Component
class FinalYearLeavers {

    /** Days after the last day of term on which a missed run still takes the leavers off roll. */
    static final int CATCH_UP_DAYS = 7;

    private static final Logger log = LoggerFactory.getLogger(FinalYearLeavers.class);

    private final JdbcTemplate jdbc;
    private final SchoolRepository schools;
    private final PupilRepository pupils;
    private final SchoolCalendars calendars;
    private final RollDeletions deletions;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean enabled;

    FinalYearLeavers(JdbcTemplate jdbc, SchoolRepository schools, PupilRepository pupils, SchoolCalendars calendars,
                     RollDeletions deletions, PlatformTransactionManager transactions, Clock clock,
                     @Value("${openattendance.school.final-year-leavers.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.schools = schools;
        this.pupils = pupils;
        this.calendars = calendars;
        this.deletions = deletions;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${openattendance.school.final-year-leavers.cron:0 0 18 * * *}", zone = London.ZONE_ID)
    void run() {
        if (enabled) {
            takeOffRoll(LocalDate.now(clock));
        }
    }

    /** Takes the final year off roll at every school whose year has ended by {@code today}; answers how many left. */
    int takeOffRoll(LocalDate today) {
        int left = 0;
        for (School school : schools.findAll()) {
            if (school.getFinalYearGroup() != null && yearEnded(school.getUrn(), today)) {
                left += leave(school, today);
            }
        }
        return left;
    }

    private boolean yearEnded(String urn, LocalDate today) {
        AcademicYear year = AcademicYear.containing(today);
        return calendars.forYears(urn, List.of(year)).terms().stream().map(SchoolCalendar.Term::end)
                .max(LocalDate::compareTo)
                .map(lastDay -> !today.isBefore(lastDay) && today.isBefore(lastDay.plusDays(CATCH_UP_DAYS))).orElse(false);
    }

    private int leave(School school, LocalDate today) {
        List<Long> ids = jdbc.queryForList("""
                select id from pupil where school_urn = ? and year_group = ? and deletion_date is null
                and admission_date <= ?""", Long.class, school.getUrn(), school.getFinalYearGroup(), java.sql.Date.valueOf(today));
        int left = 0;
        for (Long id : ids) {
            Boolean done = transaction.execute(status -> {
                Pupil pupil = pupils.findById(id).orElseThrow();
                var request = DeletionRequest.of(today, DeletionGround.FINAL_YEAR_COMPLETED.name());
                var problems = deletions.problemsWith("", pupil, pupil.getAdmissionDate(), request);
                if (!problems.isEmpty() || pupil.getDeletionDate() != null) {
                    log.warn("Final-year leaver {} at {} not taken off roll: {}", pupil.getUpn(), school.getUrn(), problems);
                    return false;
                }
                deletions.record(pupil, request, RollDeletions.Channel.END_OF_YEAR);
                return true;
            });
            left += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return left;
    }
}
