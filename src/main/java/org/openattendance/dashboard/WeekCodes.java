package org.openattendance.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openattendance.attendance.calculator.Mark;
import org.openattendance.shared.Session;

/**
 * A week's marks in 28 characters: two per session from Monday morning to Sunday afternoon, a code padded with a
 * space, blank where there is no mark (trailing blanks are dropped). Enough to work out any part of a week again.
 */
final class WeekCodes {

    static final int SLOTS = 14;

    private WeekCodes() {
    }

    static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String encode(LocalDate monday, List<Mark> marks) {
        char[] slots = new char[SLOTS * 2];
        java.util.Arrays.fill(slots, ' ');
        for (Mark mark : marks) {
            int slot = slot(monday, mark.date(), mark.session());
            String code = mark.code();
            slots[slot * 2] = code.charAt(0);
            slots[slot * 2 + 1] = code.length() > 1 ? code.charAt(1) : ' ';
        }
        return new String(slots).stripTrailing();
    }

    /** The marks of the week, or of the days from {@code from} to {@code to} within it (both inclusive). */
    static List<Mark> decode(LocalDate monday, String codes, LocalDate from, LocalDate to) {
        var marks = new ArrayList<Mark>();
        for (int slot = 0; slot < SLOTS && slot * 2 < codes.length(); slot++) {
            String code = code(codes, slot);
            if (code.isEmpty()) {
                continue;
            }
            LocalDate date = monday.plusDays(slot / 2);
            if (!date.isBefore(from) && !date.isAfter(to)) {
                marks.add(new Mark(date, slot % 2 == 0 ? Session.AM : Session.PM, code));
            }
        }
        return marks;
    }

    /** Sessions by code in the week, or in the days from {@code from} to {@code to} within it. */
    static Map<String, Integer> count(LocalDate monday, String codes, LocalDate from, LocalDate to) {
        var counts = new LinkedHashMap<String, Integer>();
        for (Mark mark : decode(monday, codes, from, to)) {
            counts.merge(mark.code(), 1, Integer::sum);
        }
        return counts;
    }

    static Map<String, Integer> count(String codes) {
        var counts = new LinkedHashMap<String, Integer>();
        for (int slot = 0; slot < SLOTS && slot * 2 < codes.length(); slot++) {
            String code = code(codes, slot);
            if (!code.isEmpty()) {
                counts.merge(code, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Counts by code as {@code code:n,code:n} (no code contains a colon or a comma), in code order. */
    static String encodeCounts(Map<String, Integer> counts) {
        var text = new StringBuilder();
        new java.util.TreeMap<>(counts).forEach((code, n) -> {
            if (n != 0) {
                text.append(text.isEmpty() ? "" : ",").append(code).append(':').append(n);
            }
        });
        return text.toString();
    }

    static Map<String, Integer> parseCounts(String text) {
        var counts = new LinkedHashMap<String, Integer>();
        if (text == null || text.isEmpty()) {
            return counts;
        }
        for (String entry : text.split(",")) {
            int colon = entry.lastIndexOf(':');
            counts.merge(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1)), Integer::sum);
        }
        return counts;
    }

    private static String code(String codes, int slot) {
        int end = Math.min(codes.length(), slot * 2 + 2);
        return codes.substring(slot * 2, end).strip();
    }

    private static int slot(LocalDate monday, LocalDate date, Session session) {
        int day = (int) (date.toEpochDay() - monday.toEpochDay());
        if (day < 0 || day > 6) {
            throw new IllegalArgumentException(date + " is not in the week of " + monday);
        }
        return day * 2 + session.ordinal();
    }
}
