package org.openattendance.moduleproof.declared.letters;

import org.openattendance.moduleproof.declared.cases.CaseOpened;

/** Reaches into the cases module: allowed only if letters declares it. */
public class LetterOnCaseOpened {

    public String stepKey(CaseOpened event) {
        return event.caseId() + ":first-letter";
    }
}
