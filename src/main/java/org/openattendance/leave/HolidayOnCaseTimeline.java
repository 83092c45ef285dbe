package org.openattendance.leave;

import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseRecords;
import org.openattendance.shared.AcademicYear;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts a confirmed term-time holiday on the pupil's attendance case for that year, when there is one: whoever works
 * the case (and a penalty notice that needs no Notice to Improve first) sees it. The G marks themselves reach the
 * case through the register and the attendance signals, like any other marks.
 *
 * <p>It lives here rather than in casework: leave uses notification, which uses casework, so a casework listener
 * for a leave event would close a cycle between the modules.
 */
@Component
class HolidayOnCaseTimeline {

    private final CaseRecords cases;

    HolidayOnCaseTimeline(CaseRecords cases) {
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(TermTimeHolidayConfirmed event) {
        cases.find(event.pupilId(), AcademicYear.containing(event.firstDay()).toString()).ifPresent(kase ->
                cases.addEvent(kase.id(), CaseEventKind.SIGNAL, "Term-time holiday taken after leave was refused",
                        event.sessionsRecordedAsG() + " sessions from " + event.firstDay() + " to " + event.lastDay()
                                + " recorded as G (leave request " + event.leaveRequestId() + "); a penalty notice for "
                                + "it needs no Notice to Improve first", event.confirmedBy()));
    }
}
