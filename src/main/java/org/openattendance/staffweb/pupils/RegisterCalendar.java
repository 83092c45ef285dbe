package org.openattendance.staffweb.pupils;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.openattendance.register.AttendanceCode;
import org.openattendance.register.RegisterQueries;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;

/**
 * A pupil's register for one academic year as the pupil page draws it: one row per school week (Monday to Friday,
 * an AM and a PM cell per day), each cell of a {@link Kind} with the code in it, and the cumulative attendance at
 * the end of each week for the chart. Weeks wholly outside term with no marks are left out, and so are weeks after
 * {@code today}.
 */
final class RegisterCalendar {

    /** What a cell shows; the CSS class colours it and the label says it in words (colour is never the only signal). */
    enum Kind {
        PRESENT("present", "Present or approved educational activity"),
        AUTHORISED("authorised", "Authorised absence"),
        UNAUTHORISED("unauthorised", "Unauthorised absence"),
        NOT_COUNTED("not-counted", "Not counted (not a possible session)"),
        NOT_REQUIRED("not-required", "No mark needed (school closed or not on roll)"),
        MISSING("missing", "No mark yet"),
        FUTURE("future", "Still to come");

        private final String css;
        private final String label;

        Kind(String css, String label) {
            this.css = css;
            this.label = label;
        }

        public String css() {
            return "app-mark--" + css;
        }

        public String label() {
            return label;
        }

        static Kind of(String category) {
            return switch (category) {
                case "PRESENT", "APPROVED_EDUCATIONAL_ACTIVITY" -> PRESENT;
                case "AUTHORISED" -> AUTHORISED;
                case "UNAUTHORISED" -> UNAUTHORISED;
                default -> NOT_COUNTED;
            };
        }
    }

    /** One session: the code (or a sign for no mark), its kind and a description for screen readers and tooltips. */
    record Cell(String text, Kind kind, String description, boolean amended) {

        public String css() {
            return kind.css();
        }
    }

    /** One school week from Monday: ten cells, and the cumulative attendance at its end (null before any possible session). */
    record Week(LocalDate monday, List<Cell> cells, int possibleToDate, int attendedToDate, BigDecimal percentToDate) {
    }

    private final List<Week> weeks;

    private RegisterCalendar(List<Week> weeks) {
        this.weeks = weeks;
    }

    static RegisterCalendar of(AcademicYear year, SchoolCalendar calendar, List<RegisterQueries.Mark> marks,
                               Function<String, Optional<AttendanceCode>> codes, LocalDate admission,
                               LocalDate deletion, LocalDate today) {
        Map<String, RegisterQueries.Mark> byKey = new HashMap<>();
        marks.forEach(m -> byKey.put(m.date() + m.session().name(), m));
        var weeks = new ArrayList<Week>();
        int possible = 0;
        int attended = 0;
        LocalDate last = year.lastDay().isBefore(today) ? year.lastDay() : today;
        for (LocalDate monday = year.firstDay().with(DayOfWeek.MONDAY); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            var cells = new ArrayList<Cell>(10);
            boolean shown = false;
            for (int d = 0; d < 5; d++) {
                LocalDate day = monday.plusDays(d);
                shown |= year.contains(day) && calendar.isInTerm(day);
                for (Session session : Session.values()) {
                    RegisterQueries.Mark mark = year.contains(day) ? byKey.get(day + session.name()) : null;
                    if (mark != null) {
                        shown = true;
                        AttendanceCode code = codes.apply(mark.code()).orElse(null);
                        if (code != null && code.countsAsPossible()) {
                            possible++;
                            attended += code.countsAsAttended() ? 1 : 0;
                        }
                    }
                    cells.add(cell(day, session, mark, codes, year, calendar, admission, deletion, today));
                }
            }
            if (shown) {
                weeks.add(new Week(monday, List.copyOf(cells), possible, attended, percent(attended, possible)));
            }
        }
        return new RegisterCalendar(List.copyOf(weeks));
    }

    private static Cell cell(LocalDate day, Session session, RegisterQueries.Mark mark,
                             Function<String, Optional<AttendanceCode>> codes, AcademicYear year, SchoolCalendar calendar,
                             LocalDate admission, LocalDate deletion, LocalDate today) {
        if (mark != null) {
            var code = codes.apply(mark.code());
            Kind kind = code.map(c -> Kind.of(c.category())).orElse(Kind.NOT_COUNTED);
            String meaning = code.map(AttendanceCode::meaning).orElse("Unknown code");
            boolean amended = !mark.amendments().isEmpty();
            return new Cell(mark.code(), kind, kind.label() + ": " + mark.code() + ", " + meaning
                    + (amended ? " (amended)" : ""), amended);
        }
        boolean onRoll = !day.isBefore(admission) && (deletion == null || !day.isAfter(deletion));
        if (!year.contains(day) || !calendar.isOpen(day, session) || !onRoll) {
            String why = !year.contains(day) ? "Another academic year" : !onRoll ? "Not on roll" : "School closed";
            return new Cell("–", Kind.NOT_REQUIRED, why, false);
        }
        if (day.isAfter(today)) {
            return new Cell("", Kind.FUTURE, Kind.FUTURE.label(), false);
        }
        return new Cell("?", Kind.MISSING, Kind.MISSING.label(), false);
    }

    static BigDecimal percent(int attended, int possible) {
        return possible == 0 ? null
                : BigDecimal.valueOf(attended * 100L).divide(BigDecimal.valueOf(possible), 1, RoundingMode.HALF_UP);
    }

    public List<Week> weeks() {
        return weeks;
    }
}
