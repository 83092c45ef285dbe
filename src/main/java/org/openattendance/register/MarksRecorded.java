package org.openattendance.register;

import java.time.LocalDate;
import java.util.List;

/** Published after a register change commits: these pupils' marks between these dates changed. */
public record MarksRecorded(String schoolUrn, List<Long> pupilIds, LocalDate from, LocalDate to) {
}
