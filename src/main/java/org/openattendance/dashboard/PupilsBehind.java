package org.openattendance.dashboard;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.openattendance.attendance.calculator.AttendanceBand;
import org.openattendance.school.PupilRoll;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The pupils behind a number of a dashboard: the same scope, filter and period, narrowed to a school, a week or a
 * code, with each pupil's figures over the period, lowest attendance first. Every list is audited: it shows pupils'
 * records.
 */
@Service
class PupilsBehind {

    /** What a number counts. */
    enum Measure {
        ALL("Pupils", f -> f.sessions().possible() > 0),
        ABSENT("Pupils with any absence", f -> f.sessions().absent() > 0),
        AUTHORISED("Pupils with authorised absence", f -> f.sessions().authorised() > 0),
        UNAUTHORISED("Pupils with unauthorised absence", f -> f.sessions().unauthorised() > 0),
        PERSISTENT("Persistently absent pupils (10% or more)", f -> f.sessions().band().isPersistentAbsence()),
        SEVERE("Severely absent pupils (50% or more)", f -> f.sessions().band().isSevereAbsence()),
        LATE("Pupils late after the register closed (U)", f -> f.sessions().late() > 0),
        UNEXPLAINED("Pupils with N codes older than 5 school days", f -> true),
        CODE("Pupils with the code", f -> true);

        final String title;
        final Predicate<Summaries.PupilFigures> test;

        Measure(String title, Predicate<Summaries.PupilFigures> test) {
            this.title = title;
            this.test = test;
        }

        static Measure parse(String text) {
            try {
                return valueOf((text == null || text.isBlank() ? "all" : text.trim()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("measure must be one of all, absent, authorised, unauthorised, "
                        + "persistent, severe, late, unexplained, code; not '" + text + "'");
            }
        }
    }

    /** One pupil in the list. */
    record Row(long pupilId, String upn, String name, String schoolUrn, String schoolName, int yearGroup,
               Sessions sessions, String detail) {
        public BigDecimal attendancePercent() {
            return Figures.percent(sessions.attended(), sessions.possible());
        }

        public String band() {
            AttendanceBand band = sessions.band();
            return switch (band) {
                case SEVERE -> "Severely absent";
                case PERSISTENT -> "Persistently absent";
                case NONE -> "";
            };
        }
    }

    /** The list and what it is of. */
    record Listing(Scope scope, String title, String periodLabel, Filter filter, String schoolUrn, LocalDate week,
                   String code, Measure measure, List<Row> rows) {
    }

    private final Summaries summaries;
    private final FigureStore store;
    private final PupilRoll roll;
    private final Scopes scopes;
    private final AuditTrail audit;

    PupilsBehind(Summaries summaries, FigureStore store, PupilRoll roll, Scopes scopes, AuditTrail audit) {
        this.summaries = summaries;
        this.store = store;
        this.roll = roll;
        this.scopes = scopes;
        this.audit = audit;
    }

    Listing list(Scope scope, String measureText, String weekText, String school, Filter filter, String code) {
        Measure measure = Measure.parse(measureText);
        Scope narrowed = narrow(scope, school);
        LocalDate today = summaries.today();
        LocalDate week = parseWeek(weekText);
        Period period = week == null ? Period.yearToDate(today) : Period.week(week);
        if (measure == Measure.CODE && (code == null || code.isBlank())) {
            throw new InvalidInputException("Say which code: code=G, for example");
        }
        List<Summaries.PupilFigures> pupils = summaries.pupilsAt(narrowed, period, filter);
        var details = new HashMap<Long, String>();
        Predicate<Summaries.PupilFigures> wanted = measure.test;
        if (measure == Measure.UNEXPLAINED) {
            var stale = store.staleUnexplained(narrowed.schoolUrns(), today,
                    pupils.stream().map(Summaries.PupilFigures::pupilId).toList());
            stale.stream().collect(Collectors.groupingBy(FigureStore.StaleUnexplained::pupilId, java.util.TreeMap::new,
                    Collectors.toList())).forEach((id, marks) -> details.put(id, marks.size() + " since "
                    + DashboardFormat.DATE.format(marks.get(0).date())));
            wanted = p -> details.containsKey(p.pupilId());
        } else if (measure == Measure.CODE) {
            String wantedCode = code.trim();
            Map<Long, Integer> counts = summaries.codeCounts(narrowed, period, filter, wantedCode);
            counts.forEach((id, n) -> details.put(id, n + " " + (n == 1 ? "session" : "sessions") + " of " + wantedCode));
            wanted = p -> counts.containsKey(p.pupilId());
        }
        var chosen = pupils.stream().filter(wanted).toList();
        Map<Long, PupilRoll.PupilName> names = chosen.isEmpty() ? Map.of() : roll.namesOf(chosen.stream()
                .map(Summaries.PupilFigures::pupilId).toList()).stream()
                .collect(Collectors.toMap(PupilRoll.PupilName::pupilId, n -> n));
        var rows = new ArrayList<Row>();
        for (var pupil : chosen) {
            PupilRoll.PupilName name = names.get(pupil.pupilId());
            if (name != null) {
                rows.add(new Row(pupil.pupilId(), name.upn(), name.forename() + " " + name.surname(), pupil.schoolUrn(),
                        scopes.schoolName(pupil.schoolUrn()), pupil.yearGroup(), pupil.sessions(),
                        details.get(pupil.pupilId())));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.attendancePercent() == null ? BigDecimal.valueOf(101) : r.attendancePercent())
                .thenComparing(Row::name).thenComparing(Row::upn));
        String title = measure == Measure.CODE ? "Pupils with code " + code.trim() : measure.title;
        String periodLabel = week == null ? "Year to date" : "Week of " + new DashboardFormat().week(week);
        audit.record(AuditTrail.Action.READ_PUPIL, "dashboard", scope.kind() + " " + scope.key(), title + ", "
                + periodLabel + (school == null ? "" : ", school " + school)
                + (filter.isEmpty() ? "" : ", " + filter.label()) + ": " + rows.size() + " pupils");
        return new Listing(narrowed, title, periodLabel, filter, school, week, code, measure, rows);
    }

    private static Scope narrow(Scope scope, String school) {
        if (school == null || school.isBlank()) {
            return scope;
        }
        if (!scope.schoolUrns().contains(school.trim())) {
            throw new NotFoundException("No school with URN " + school);
        }
        return new Scope(scope.kind(), scope.label(), scope.key(), List.of(school.trim()), scope.cohort(), scope.pupilIds());
    }

    private static LocalDate parseWeek(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (date.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new InvalidInputException("week must be the Monday that starts the week, not " + text);
            }
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("week must be a date such as 2026-11-23, not '" + text + "'");
        }
    }
}
