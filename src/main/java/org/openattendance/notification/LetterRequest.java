package org.openattendance.notification;

import java.util.Map;
import java.util.UUID;

/**
 * A letter to a pupil's parents for one step of their case.
 *
 * @param stepKey unique per letter: asking again with the same key returns the letter already issued
 * @param fields  values the template uses beyond the pupil, school and parents (e.g. the meeting date)
 */
public record LetterRequest(String stepKey, String templateKey, UUID caseId, long pupilId, Map<String, String> fields) {

    public LetterRequest {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
