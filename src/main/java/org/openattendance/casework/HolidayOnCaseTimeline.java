package org.openattendance.casework;

import org.openattendance.leave.TermTimeHolidayConfirmed;
import org.openattendance.shared.AcademicYear;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts a confirmed term-time holiday on the pupil's attendance case for that year, when there is one: whoever works
 * the case (and a penalty notice that needs no Notice to Improve first) sees it. The G marks themselves reach the
 * case through the register and the attendance signals, like any other marks.
 *
 * <p>Casework listens to leave's event, so leave knows nothing of cases. A redelivered event finds the entry for its
 * leave request already on the timeline and adds nothing.
 */
@Component
class HolidayOnCaseTimeline {

    private final CaseStore cases;

    HolidayOnCaseTimeline(CaseStore cases) {
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(TermTimeHolidayConfirmed event) {
        String request = "leave request " + event.leaveRequestId();
        cases.find(event.pupilId(), AcademicYear.containing(event.firstDay()).toString())
                .filter(kase -> cases.timeline(kase.id()).stream()
                        .noneMatch(e -> e.detail() != null && e.detail().contains("(" + request + ")")))
                .ifPresent(kase -> cases.addEvent(kase.id(), CaseEventKind.SIGNAL,
                        "Term-time holiday taken after leave was refused", event.sessionsRecordedAsG() + " sessions from " + event.firstDay() + " to " + event.lastDay()
                                + " recorded as G (" + request + "); a penalty notice for "
                                + "it needs no Notice to Improve first", event.confirmedBy()));
    }
}
