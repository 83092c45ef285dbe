package org.openattendance.casework;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.openattendance.school.DeletionFromRollPlanned;
import org.openattendance.shared.AcademicYear;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A planned deletion from roll of a pupil with a social worker or looked after starts the small process
 * processes/deletion-from-roll.bpmn, which tells them (task and e-mail). Once per pupil and deletion date: the
 * business key says whether it ran, so a redelivered event starts nothing. The pupil's case, if any, records it.
 */
@Component
class DeletionFromRoll {

    static final String PROCESS = "deletion-from-roll";
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final CaseEngine engine;
    private final CaseStore records;

    DeletionFromRoll(CaseEngine engine, CaseStore records) {
        this.engine = engine;
        this.records = records;
    }

    @ApplicationModuleListener
    void on(DeletionFromRollPlanned planned) {
        if (planned.socialWorker() == null && !planned.lookedAfter()) {
            return;
        }
        var kase = records.find(planned.pupilId(), AcademicYear.containing(planned.deletionDate()).toString());
        Map<String, Object> variables = new HashMap<>();
        variables.put("upn", planned.upn());
        variables.put("schoolUrn", planned.schoolUrn());
        variables.put("laCode", planned.laCode());
        variables.put("socialWorker", planned.socialWorker());
        variables.put("lookedAfter", planned.lookedAfter());
        variables.put("deletionDate", LONG_DATE.format(planned.deletionDate()));
        variables.put("deletionGround", planned.ground());
        kase.ifPresent(c -> variables.put("caseId", c.id().toString()));
        boolean started = engine.startOnce(PROCESS, planned.upn() + "-deletion-" + planned.deletionDate(), variables);
        if (started && kase.isPresent()) {
            records.addEvent(kase.get().id(), CaseEventKind.STAGE, "Deletion from roll planned",
                    "Last day on roll " + LONG_DATE.format(planned.deletionDate()) + " (" + planned.ground() + "); "
                            + (planned.socialWorker() != null ? "the social worker " : "")
                            + (planned.socialWorker() != null && planned.lookedAfter() ? "and " : "")
                            + (planned.lookedAfter() ? "the Virtual School Head " : "") + "told", null);
        }
    }
}
