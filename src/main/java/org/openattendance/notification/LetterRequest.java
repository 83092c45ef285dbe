package org.openattendance.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A letter to a pupil's parents for one step of their case.
 *
 * @param stepKey unique per letter: asking again with the same key returns the letter already issued
 * @param fields  values the template uses beyond the pupil, school and parents (e.g. the meeting date)
 * @param addressees whom the letter is to; empty: every parent with parental responsibility
 * @param requestedAt when the step asked for it, the letter's date; null: when it is made
 */
public record LetterRequest(String stepKey, String templateKey, UUID caseId, long pupilId, Map<String, String> fields,
                            List<LetterRequested.Addressee> addressees, Instant requestedAt) {

    public LetterRequest {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        addressees = addressees == null ? List.of() : List.copyOf(addressees);
    }

    /** A letter to every parent with parental responsibility, dated when it is made. */
    public LetterRequest(String stepKey, String templateKey, UUID caseId, long pupilId, Map<String, String> fields) {
        this(stepKey, templateKey, caseId, pupilId, fields, List.of(), null);
    }

    /** A letter to these addressees, dated when it is made. */
    public LetterRequest(String stepKey, String templateKey, UUID caseId, long pupilId, Map<String, String> fields,
                         List<LetterRequested.Addressee> addressees) {
        this(stepKey, templateKey, caseId, pupilId, fields, addressees, null);
    }
}
