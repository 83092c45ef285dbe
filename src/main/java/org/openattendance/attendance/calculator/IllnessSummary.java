package org.openattendance.attendance.calculator;

import java.math.BigDecimal;

/** Illness sessions in the period, the same as days (sessions / 2, one decimal), and the current illness streak. */
public record IllnessSummary(int sessions, BigDecimal days, SchoolDayStreak currentStreak) {
}
