package org.openattendance.staffweb.pupils;

import java.time.Clock;
import java.util.List;

import org.openattendance.casework.CaseStore.CaseEvent;
import org.openattendance.casework.CaseWork;
import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.BritishDates;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A case's events as recorded, for administrators: the kinds, names and details the engine and the steps wrote
 * (variable values, step keys, policy look-ups with their table and version). Staff read the plain timeline.
 */
@Controller
class CaseEventsPage {

    /** One recorded event. */
    record Row(String when, String kind, String name, String detail, String actor, String decision) {
    }

    private final SchoolDirectory directory;
    private final CaseWork work;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    CaseEventsPage(SchoolDirectory directory, CaseWork work, AccessPolicy access, AuditTrail audit, Clock clock) {
        this.directory = directory;
        this.work = work;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/pupils/{upn}/case-events")
    String show(@PathVariable String upn, @RequestParam String year, Model model) {
        if (!access.currentUser().isAdmin()) {
            throw new NotFoundException("No such page");
        }
        Pupil pupil = directory.visiblePupil(upn);
        AcademicYear shown;
        try {
            shown = AcademicYear.parse(year);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such year " + year);
        }
        var kase = work.caseOf(pupil.getId(), shown.toString())
                .orElseThrow(() -> new NotFoundException("No case for " + upn + " in " + shown));
        audit.record(AuditTrail.Action.READ_PUPIL, "case", pupil.getUpn(), "case events " + shown);
        model.addAttribute("pupil", pupil);
        model.addAttribute("year", shown.toString());
        model.addAttribute("rows", rows(work.timeline(kase)));
        return "pupils/case-events";
    }

    private List<Row> rows(List<CaseEvent> events) {
        return events.stream().map(e -> new Row(BritishDates.WHEN.format(e.at().atZone(clock.getZone())) , e.kind().name(),
                e.name(), e.detail(), e.actor(),
                e.decisionKey() == null ? null : e.decisionKey() + " version " + e.decisionVersion())).toList();
    }
}
