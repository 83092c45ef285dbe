package org.openattendance.notification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A case or leave step asked for a letter. The event stays in the publication registry until the letter is stored. */
@Component
class IssueLetterOnRequest {

    private final Letters letters;

    IssueLetterOnRequest(Letters letters) {
        this.letters = letters;
    }

    @ApplicationModuleListener
    void on(LetterRequested event) {
        letters.issue(new LetterRequest(event.stepKey(), event.templateKey(), event.caseId(), event.pupilId(), event.fields(),
                event.addressees(), event.requestedAt()));
    }
}
