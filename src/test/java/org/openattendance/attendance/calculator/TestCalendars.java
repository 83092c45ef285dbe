package org.openattendance.attendance.calculator;

import java.time.LocalDate;
import org.openattendance.shared.Session;

/**
 * Two English academic years. 2024-25: half terms 28 Oct-1 Nov, 17-21 Feb, 26-30 May; Christmas
 * 23 Dec-3 Jan; Easter 7-21 Apr; INSET day Wed 18 Sep 2024; Fri 20 Sep 2024 closes at lunchtime;
 * bank holiday Mon 5 May 2025. Summer holiday 23 Jul-2 Sep 2025 (the week of 21 Jul still has
 * two school days). 2025-26 starts Wed 3 Sep 2025.
 */
final class TestCalendars {

    static final SessionCalendar TWO_YEARS = SessionCalendar.builder()
            .term(d("2024-09-02"), d("2024-10-25"))
            .term(d("2024-11-04"), d("2024-12-20"))
            .term(d("2025-01-06"), d("2025-02-14"))
            .term(d("2025-02-24"), d("2025-04-04"))
            .term(d("2025-04-22"), d("2025-05-23"))
            .term(d("2025-06-02"), d("2025-07-22"))
            .closure(d("2024-09-18"))
            .closure(d("2024-09-20"), Session.PM)
            .closure(d("2025-05-05"))
            .term(d("2025-09-03"), d("2025-10-24"))
            .term(d("2025-11-03"), d("2025-12-19"))
            .term(d("2026-01-05"), d("2026-02-13"))
            .term(d("2026-02-23"), d("2026-03-27"))
            .term(d("2026-04-13"), d("2026-05-22"))
            .term(d("2026-06-01"), d("2026-07-21"))
            .closure(d("2026-05-04"))
            .build();

    private TestCalendars() {
    }

    static LocalDate d(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
