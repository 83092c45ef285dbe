package org.openattendance.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A step of a process (an attendance case, a leave request) asks for a letter to the pupil's parents. This module
 * owns the event, as the module that receives it (the way spring-restbucks' modules own the events they react to):
 * the modules that ask for letters depend on notification, never the other way round. The letter is rendered from
 * the LA's template, stored (on the case when there is one) and sent; {@code stepKey} is unique per letter, so a
 * letter is never issued twice for the same step, however often this event is delivered.
 *
 * @param stepKey     unique per letter, e.g. the case id and the process activity instance
 * @param caseId      the attendance case the letter belongs to, or null (a leave decision)
 * @param templateKey which letter, e.g. {@code below-95-percent}, {@code meeting-invitation}
 * @param fields      values the template may use beyond the pupil, school and parents (e.g. meeting date)
 * @param addressees  whom the letter is to, when not every parent with parental responsibility (a penalty notice
 *                    goes to one parent; a Notice to Improve to those who live with the pupil); null or empty: every
 *                    parent with parental responsibility
 * @param requestedAt when the step asked for the letter: the letter is dated that day, however late the listener
 *                    makes it (a retry, another thread); null: when it is made
 */
public record LetterRequested(String stepKey, String templateKey, UUID caseId, long pupilId, String upn,
                              String schoolUrn, String laCode, Map<String, String> fields, List<Addressee> addressees,
                              Instant requestedAt) {

    /** A person a letter is addressed to: by e-mail when there is an address, otherwise listed for printing. */
    public record Addressee(String name, String email, String address) {
    }

    /** A letter to every parent with parental responsibility, dated when it is made. */
    public LetterRequested(String stepKey, String templateKey, UUID caseId, long pupilId, String upn, String schoolUrn,
                           String laCode, Map<String, String> fields) {
        this(stepKey, templateKey, caseId, pupilId, upn, schoolUrn, laCode, fields, null, null);
    }

    /** A letter to these addressees, dated when it is made. */
    public LetterRequested(String stepKey, String templateKey, UUID caseId, long pupilId, String upn, String schoolUrn,
                           String laCode, Map<String, String> fields, List<Addressee> addressees) {
        this(stepKey, templateKey, caseId, pupilId, upn, schoolUrn, laCode, fields, addressees, null);
    }
}
