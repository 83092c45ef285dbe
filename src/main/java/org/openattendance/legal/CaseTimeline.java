package org.openattendance.legal;

import java.util.UUID;

import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Stage;
import org.springframework.stereotype.Component;

/**
 * What the legal stages write on the pupil's attendance case: the stage the pupil is at, notes, and each policy
 * decision with its table and version. A record made without a case (none is known) writes nothing.
 */
@Component
class CaseTimeline {

    private final CaseStore records;

    CaseTimeline(CaseStore records) {
        this.records = records;
    }

    /** The case is now at this legal stage (shown on the case, the pupil page and the inbox). */
    void stage(UUID caseId, Stage stage) {
        if (caseId != null) {
            records.changeStage(caseId, stage);
            records.addEvent(caseId, CaseEventKind.STAGE, "Stage: " + stage, null, null);
        }
    }

    void note(UUID caseId, String name, String detail, String actor) {
        if (caseId != null) {
            records.addEvent(caseId, CaseEventKind.STAGE, name, detail, actor);
        }
    }

    void letter(UUID caseId, String name, String detail) {
        if (caseId != null) {
            records.addEvent(caseId, CaseEventKind.LETTER, name, detail, null);
        }
    }

    void decision(UUID caseId, String name, String detail, String tableKey, int version) {
        if (caseId != null) {
            records.addDecision(caseId, CaseEventKind.DECISION, name, detail, null, tableKey, version);
        }
    }
}
