package org.openattendance.demo;

import static org.openattendance.demo.DemoSchool.CASTLE_HILL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openattendance.casework.CaseWork;
import org.openattendance.leave.LeaveRequests;
import org.openattendance.leave.NewLeaveRequest;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.StaffUser;
import org.openattendance.security.StaffUserStore;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two leave requests at Castle Hill, entered by its attendance officer as if received on paper, so that the demo
 * shows the leave process: a family holiday waiting for the office's check, and a funeral the office has checked,
 * waiting for the headteacher. Made once the engine has deployed the models (application ready), and only while
 * the demo school has no leave requests, so a restart adds nothing.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "openattendance.demo.enabled", havingValue = "true")
class DemoLeaveRequests {

    static final String OFFICER = "officer.castlehill";
    private static final Logger log = LoggerFactory.getLogger(DemoLeaveRequests.class);

    private final LeaveRequests leave;
    private final CaseWork work;
    private final StaffUserStore staff;
    private final SchoolCalendars calendars;
    private final PupilRoll pupils;
    private final SchoolDirectory directory;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoLeaveRequests(LeaveRequests leave, CaseWork work, StaffUserStore staff, SchoolCalendars calendars, PupilRoll pupils,
                      SchoolDirectory directory, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.leave = leave;
        this.work = work;
        this.staff = staff;
        this.calendars = calendars;
        this.pupils = pupils;
        this.directory = directory;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createUnlessPresent() {
        StaffUser officer = staff.find(OFFICER).orElse(null);
        if (officer == null) {
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(officer, null, officer.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            transaction.executeWithoutResult(status -> create(officer));
        } catch (RuntimeException e) {
            // The demo stays usable without them (e.g. no school days ahead in this year's calendar).
            log.warn("Demo leave requests not created: {}", e.getMessage());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void create(StaffUser officer) {
        jdbc.queryForObject(DemoDataLoader.LOCK, String.class);
        if (leave.anyAtSchool(CASTLE_HILL.urn())) {
            return;
        }
        List<String> upns = pupils.byUpn(CASTLE_HILL.urn()).values().stream()
                .filter(enrolment -> enrolment.deletionDate() == null)
                .map(PupilRoll.Enrolment::upn)
                .sorted()
                .filter(upn -> directory.pupil(upn).map(p -> p.getSocialWorker() == null).orElse(false))
                .limit(2)
                .toList();
        List<LocalDate> days = openDaysAhead(15, 8);
        if (upns.size() < 2 || days.size() < 8) {
            log.info("Demo leave requests: not enough pupils or school days ahead; none created");
            return;
        }
        leave.enterWithoutEvidence(officer, upns.get(0), new NewLeaveRequest(days.get(0).toString(), "AM",
                days.get(4).toString(), "PM", "FAMILY_HOLIDAY", "A week in Spain: flights are cheaper in term time.",
                List.of("Mother", "Father")), null, "PAPER");
        leave.enterWithoutEvidence(officer, upns.get(1), new NewLeaveRequest(days.get(6).toString(), "AM",
                days.get(7).toString(), "PM", "FUNERAL", "Grandmother's funeral in Glasgow; two days to travel.",
                List.of("Mother")), null, "PAPER");
        work.workableFor(officer, upns.get(1)).stream().filter(t -> "check-request".equals(t.taskKey())).findFirst()
                .ifPresent(task -> work.validateAndComplete(officer, task.id(), Map.of(
                        "fromParentLivingWithPupil", "YES", "complete", "YES",
                        "checkNotes", "The order of service will follow.")));
        log.info("Demo leave requests: a family holiday for the office to check and a funeral for the headteacher");
    }

    /** The next {@code count} school days (whole days open), starting {@code after} calendar days from today. */
    private List<LocalDate> openDaysAhead(int after, int count) {
        LocalDate day = LocalDate.now(clock).plusDays(after);
        AcademicYear year = AcademicYear.containing(day);
        SchoolCalendar calendar = calendars.forYears(CASTLE_HILL.urn(), List.of(year));
        var days = new ArrayList<LocalDate>();
        for (int i = 0; i < 120 && days.size() < count; i++, day = day.plusDays(1)) {
            if (calendar.isOpen(day, Session.AM) && calendar.isOpen(day, Session.PM)) {
                days.add(day);
            }
        }
        return days;
    }
}
