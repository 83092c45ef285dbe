package org.openattendance.attendance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.London;
import org.springframework.stereotype.Component;

/**
 * When a school's morning register closes. An N in the morning register is final once the register has closed (a
 * pupil who arrives while it is open is marked L, present): from then on it is the first day of absence to chase.
 */
@Component
class MorningRegisters {

    private final SchoolDirectory directory;
    private final Clock clock;

    MorningRegisters(SchoolDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The last day up to {@code asOf} whose morning register has closed: {@code asOf} itself once it is past, today
     * once today's closing time has passed, else yesterday (also for an {@code asOf} in the future).
     */
    LocalDate closedThrough(String schoolUrn, LocalDate asOf) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(London.ZONE));
        LocalDate today = now.toLocalDate();
        if (today.isAfter(asOf)) {
            return asOf;
        }
        LocalTime closes = directory.school(schoolUrn).map(School::getRegisterClosesAt).orElse(null);
        return closes != null && !now.toLocalTime().isBefore(closes) ? today : today.minusDays(1);
    }

    /** When the morning register of {@code day} closes at this school (for the sweep after closing time). */
    ZonedDateTime closes(School school, LocalDate day) {
        return day.atTime(school.getRegisterClosesAt()).atZone(London.ZONE);
    }
}
