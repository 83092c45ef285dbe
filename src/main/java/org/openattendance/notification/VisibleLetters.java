package org.openattendance.notification;

import java.util.UUID;

import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** A stored letter as the signed-in caller may read it: their pupil's (audited), or none at all. */
@Component
class VisibleLetters {

    private final Letters letters;
    private final SchoolDirectory directory;
    private final AuditTrail audit;

    VisibleLetters(Letters letters, SchoolDirectory directory, AuditTrail audit) {
        this.letters = letters;
        this.directory = directory;
        this.audit = audit;
    }

    /** The letter if its pupil is in the caller's scope; {@code what} names the read in the audit trail. */
    Letters.StoredLetter find(UUID id, String what) {
        var letter = letters.find(id).orElseThrow(() -> new NotFoundException("No letter " + id));
        try {
            directory.visiblePupil(letter.upn());
        } catch (NotFoundException e) {
            throw new NotFoundException("No letter " + id);
        }
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", letter.upn(), what + " " + id);
        return letter;
    }
}
