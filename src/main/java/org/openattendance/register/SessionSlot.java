package org.openattendance.register;

import java.time.LocalDate;

import org.openattendance.shared.Session;

/** One session of one school day. */
public record SessionSlot(LocalDate date, Session session) implements Comparable<SessionSlot> {

    @Override
    public int compareTo(SessionSlot other) {
        int byDate = date.compareTo(other.date);
        return byDate != 0 ? byDate : session.compareTo(other.session);
    }
}
