package org.openattendance.school;

import java.util.List;

/**
 * A school's pupil records were created or changed (admission or deletion dates, year group, cohort flags): what is
 * worked out from them, such as the dashboards' figures by year group and cohort, is worked out again.
 */
public record PupilsChanged(String schoolUrn, List<Long> pupilIds) {
}
