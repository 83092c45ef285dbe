package org.openattendance.register;

/**
 * One row of a register upload as received, before it is checked: the fields are text so that a bad value
 * can be reported against its line rather than failing the whole upload. {@code problem} is set when the row
 * could not even be split into fields.
 */
public record MarkRow(int line, String upn, String date, String session, String code, String minutesLate,
                      String reason, String problem) {

    public MarkRow(int line, String upn, String date, String session, String code, String minutesLate, String reason) {
        this(line, upn, date, session, code, minutesLate, reason, null);
    }

    static MarkRow unreadable(int line, String upn, String problem) {
        return new MarkRow(line, upn, null, null, null, null, null, problem);
    }
}
