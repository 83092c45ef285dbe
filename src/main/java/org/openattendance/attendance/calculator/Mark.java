package org.openattendance.attendance.calculator;

import java.time.LocalDate;
import java.util.Objects;
import org.openattendance.shared.Session;

/** The current register code of one pupil for one session. One mark per (date, session). */
public record Mark(LocalDate date, Session session, String code) {

    public Mark {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(code, "code");
    }
}
