package org.openattendance.register;

import java.time.LocalDate;
import java.util.List;

/**
 * Published with a register change, beside {@link MarksRecorded}: these pupils have an N (unexplained absence) in the
 * morning session of {@code day}, the day of the load. Once the school's morning register has closed that N is the
 * first day of absence to chase that morning; a listener need not wait for the figures of every pupil the load
 * touched (a whole school's roll) to find the few it concerns.
 */
public record UnexplainedMorningsRecorded(String schoolUrn, LocalDate day, List<Long> pupilIds) {

    public UnexplainedMorningsRecorded {
        pupilIds = List.copyOf(pupilIds);
    }
}
