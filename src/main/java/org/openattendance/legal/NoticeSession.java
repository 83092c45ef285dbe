package org.openattendance.legal;

import java.time.LocalDate;

import org.openattendance.shared.Session;

/** A register session a penalty notice, or a request for one, rests on, with the code the register held. */
public record NoticeSession(LocalDate date, Session session, String code) implements Comparable<NoticeSession> {

    @Override
    public int compareTo(NoticeSession other) {
        int byDate = date.compareTo(other.date);
        return byDate != 0 ? byDate : session.compareTo(other.session);
    }

    @Override
    public String toString() {
        return date + " " + session + " " + code;
    }
}
