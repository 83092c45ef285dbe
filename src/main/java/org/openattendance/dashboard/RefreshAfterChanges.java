package org.openattendance.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.openattendance.register.MarksRecorded;
import org.openattendance.school.PupilDeletedFromRoll;
import org.openattendance.school.PupilsChanged;
import org.openattendance.shared.AcademicYear;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Refreshes the dashboard's aggregates after every register change and every change of pupil records, once the
 * change has committed. The event stays in the publication registry until the refresh succeeds; a refresh
 * delivered twice writes the same rows. A bulk back-load may switch this off and call refreshAll() once instead.
 * Like {@code @ApplicationModuleListener} (after commit, asynchronously, in a transaction of its own, kept in the event
 * publication registry until it succeeds), but on the dashboard's own thread ({@link DashboardThreads}).
 */
@Component
@ConditionalOnProperty(name = "openattendance.dashboard.refresh-after-load", havingValue = "true", matchIfMissing = true)
class RefreshAfterChanges {

    private final DashboardAggregates aggregates;
    private final Clock clock;

    RefreshAfterChanges(DashboardAggregates aggregates, Clock clock) {
        this.aggregates = aggregates;
        this.clock = clock;
    }

    @Async(DashboardThreads.NAME)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(MarksRecorded event) {
        AcademicYear current = AcademicYear.containing(LocalDate.now(clock));
        AcademicYear last = AcademicYear.containing(event.to());
        for (AcademicYear year = AcademicYear.containing(event.from()); year.compareTo(last) <= 0
                && year.compareTo(current) <= 0; year = new AcademicYear(year.startYear() + 1)) {
            LocalDate changedFrom = event.from().isAfter(year.firstDay()) ? event.from() : year.firstDay();
            aggregates.refresh(event.schoolUrn(), event.pupilIds(), year, changedFrom);
        }
    }

    /** A deletion from roll (through the pupils API or the deletion API) ends the pupil's enrolment. */
    @Async(DashboardThreads.NAME)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(PupilDeletedFromRoll event) {
        AcademicYear current = AcademicYear.containing(LocalDate.now(clock));
        AcademicYear year = AcademicYear.containing(event.deletionDate());
        if (year.compareTo(current) < 0) {
            aggregates.refresh(event.schoolUrn(), List.of(event.pupilId()), year);
        }
        aggregates.refresh(event.schoolUrn(), List.of(event.pupilId()), current);
    }

    @Async(DashboardThreads.NAME)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(PupilsChanged event) {
        aggregates.refresh(event.schoolUrn(), event.pupilIds(), AcademicYear.containing(LocalDate.now(clock)));
    }
}
