package org.openattendance.casework;

import java.util.Map;
import java.util.UUID;

/**
 * A step of an attendance case asks for a letter to the pupil's parents. The notification module renders it from
 * the LA's template, stores it on the case and sends it; {@code stepKey} is unique per letter, so a letter is
 * never issued twice for the same step, however often this event is delivered.
 *
 * @param stepKey     unique per letter, e.g. the case id and the process activity instance
 * @param templateKey which letter, e.g. {@code below-95-percent}, {@code meeting-invitation}
 * @param fields      values the template may use beyond the pupil, school and parents (e.g. meeting date)
 */
public record LetterRequested(String stepKey, String templateKey, UUID caseId, long pupilId, String upn,
                              String schoolUrn, String laCode, Map<String, String> fields) {
}
