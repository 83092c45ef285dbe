package org.openattendance.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * School days are English days: "today", "in the future", a due date and a letter's date are all judged in London
 * time, whatever the server's own time zone. The one place the zone is named.
 */
public final class London {

    /** For annotations, which need a constant (e.g. a scheduled job's zone). */
    public static final String ZONE_ID = "Europe/London";

    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private London() {
    }

    /** The London day of an instant. */
    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The London day of a date (the engine's clock gives dates). */
    public static LocalDate day(Date date) {
        return day(date.toInstant());
    }

    /** A time of a London day, as the engine wants it for due dates and timers. */
    public static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(ZONE).toInstant());
    }
}
