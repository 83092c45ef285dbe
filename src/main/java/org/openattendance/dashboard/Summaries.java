package org.openattendance.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openattendance.attendance.ConfiguredCalculator;
import org.openattendance.attendance.calculator.EnrolmentDates;
import org.openattendance.attendance.calculator.Mark;
import org.openattendance.school.Cohort;
import org.springframework.stereotype.Service;

/**
 * The figures of a scope over a period, from the aggregates. The academic year to date and single weeks come
 * straight from the schools' weekly rollups (one row per school and dimension); any other period, two filters at
 * once, the Virtual School split by year group or cohort, and a caseload are summed from the pupils' weekly rows,
 * with the part of a week at either end of the period worked out again from the week's codes by the calculator.
 */
@Service
class Summaries {

    /** One pupil's sessions over a period, with what the breakdowns need. */
    record PupilFigures(long pupilId, String schoolUrn, int yearGroup, int cohorts, Sessions sessions) {
    }

    /** One week of a trend: the week's own figures and the year to date at its end. */
    record WeekFigures(LocalDate monday, Tally week, Tally yearToDate) {
    }

    /** The weekly rows already narrowed to the scope and filter, as one cohort bit set and a year group. */
    private record Narrowing(Dimension dimension, String member) {
    }

    /** Marks decoded from a week's codes are on roll already. */
    private static final EnrolmentDates ON_ROLL = EnrolmentDates.onRollSince(LocalDate.of(1900, 1, 1));

    private final FigureStore store;
    private final ConfiguredCalculator calculator;
    private final Clock clock;

    Summaries(FigureStore store, ConfiguredCalculator calculator, Clock clock) {
        this.store = store;
        this.calculator = calculator;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Figures figures(Scope scope, Period period, Filter filter) {
        Narrowing narrowing = narrowing(scope, filter);
        String year = period.year().toString();
        if (narrowing != null && isYearToDate(scope, period)) {
            return fromRollup(store.rollup(scope.schoolUrns(), year, new FigureStore.Latest(), narrowing.dimension(),
                    narrowing.member()), store.codes(scope.schoolUrns(), year, new FigureStore.Latest(),
                    narrowing.dimension(), narrowing.member()), true);
        }
        if (narrowing != null && isWholeWeek(period)) {
            var week = new FigureStore.At(WeekCodes.monday(period.to()));
            return fromRollup(store.rollup(scope.schoolUrns(), year, week, narrowing.dimension(), narrowing.member()),
                    store.codes(scope.schoolUrns(), year, week, narrowing.dimension(), narrowing.member()), false);
        }
        if (narrowing != null) {
            return periodFigures(scope, period, filter, narrowing);
        }
        var codes = new TreeMap<String, Integer>();
        Tally tally = Tally.NONE;
        for (PupilFigures pupil : pupils(scope, period, filter, codes)) {
            tally = tally.plus(Tally.ofPupil(pupil.sessions()));
        }
        return new Figures(tally, codes);
    }

    /**
     * A period other than the year to date or one whole week, for a scope and filter with a rollup: each pupil's
     * figures are the difference of two of their weekly rows, worked out and grouped in the database (a pupil's band
     * depends on their own possible sessions and absences over the period); only pupils whose period starts or ends
     * inside a week with marks on the days outside it are worked out here, with the calculator, as in
     * {@link #pupils}. The sessions by code are the difference of the schools' code rollups at the same two weeks,
     * less the codes of those days. The same figures as summing {@link #pupils}, without reading every pupil's codes.
     */
    private Figures periodFigures(Scope scope, Period period, Filter filter, Narrowing narrowing) {
        String year = period.year().toString();
        LocalDate fromMonday = WeekCodes.monday(period.from());
        LocalDate toMonday = WeekCodes.monday(period.to());
        var mondays = new java.util.TreeSet<LocalDate>(List.of(fromMonday, toMonday));
        var endWeeks = new HashMap<String, LocalDate>();
        for (var schoolYear : store.schoolYears(scope.schoolUrns(), year)) {
            LocalDate last = schoolYear.lastWeek();
            if (!last.isBefore(toMonday)) {
                endWeeks.put(schoolYear.schoolUrn(), toMonday);
            } else if (!last.isBefore(fromMonday)) {
                endWeeks.put(schoolYear.schoolUrn(), last);
                mondays.add(last);
            }
        }
        var rows = new WeeklyRows(calculator.calculator());
        var codes = new TreeMap<String, Integer>();
        Tally[] tally = {Tally.NONE};
        LocalDate after = period.to().plusDays(1);
        LocalDate sunday = toMonday.plusDays(6);
        LocalDate dayBefore = period.from().minusDays(1);
        store.periodPupils(scope.schoolUrns(), year, mondays, period.from(), period.to(), filter.yearGroup(),
                cohortBits(scope, filter), group -> {
                    if (!group.partial()) {
                        Tally one = Tally.ofPupil(new Sessions(group.possible(), 0, group.absent(), 0, 0));
                        tally[0] = tally[0].plus(new Tally(one.pupils() * group.pupils(), group.sum(),
                                one.persistent() * group.pupils(), one.severe() * group.pupils()));
                        return;
                    }
                    Sessions sessions = group.sum();
                    if (group.endWeek().equals(toMonday) && sunday.isAfter(period.to())) {
                        List<Mark> left = WeekCodes.decode(toMonday, group.endCodes(), after, sunday);
                        if (!left.isEmpty()) {
                            sessions = sessions.minus(rows.sessions(left, ON_ROLL, after, sunday));
                            WeekCodes.count(toMonday, group.endCodes(), after, sunday)
                                    .forEach((c, n) -> codes.merge(c, -n, Integer::sum));
                        }
                    }
                    if (group.startCodes() != null && !dayBefore.isBefore(fromMonday)) {
                        List<Mark> left = WeekCodes.decode(fromMonday, group.startCodes(), fromMonday, dayBefore);
                        if (!left.isEmpty()) {
                            sessions = sessions.minus(rows.sessions(left, ON_ROLL, fromMonday, dayBefore));
                            WeekCodes.count(fromMonday, group.startCodes(), fromMonday, dayBefore)
                                    .forEach((c, n) -> codes.merge(c, -n, Integer::sum));
                        }
                    }
                    tally[0] = tally[0].plus(Tally.ofPupil(sessions));
                });
        for (var code : store.codeWeeks(scope.schoolUrns(), year, mondays, narrowing.dimension(), narrowing.member())) {
            if (code.weekStart().equals(endWeeks.get(code.schoolUrn()))) {
                codes.merge(code.code(), code.yearToDate(), Integer::sum);
            }
            if (code.weekStart().equals(fromMonday)) {
                codes.merge(code.code(), code.sessions() - code.yearToDate(), Integer::sum);
            }
        }
        codes.values().removeIf(n -> n == 0);
        return new Figures(tally[0], codes);
    }

    /** The scope's figures for the year to date, split by school, year group or cohort. */
    Map<String, Figures> breakdown(Scope scope, Period period, Filter filter, Split split) {
        Narrowing narrowing = groupNarrowing(scope, filter);
        String year = period.year().toString();
        if (narrowing != null && (isYearToDate(scope, period) || isWholeWeek(period))) {
            boolean ytd = isYearToDate(scope, period);
            FigureStore.Weeks weeks = ytd ? new FigureStore.Latest() : new FigureStore.At(WeekCodes.monday(period.to()));
            Map<String, Tally> byMember = split == Split.SCHOOL ? bySchool(scope, year, weeks, narrowing, ytd)
                    : split(scope, year, weeks, narrowing, split, ytd);
            if (byMember != null) {
                return figuresOf(byMember);
            }
        }
        var groups = new TreeMap<String, Tally>();
        List<PupilFigures> pupils = isYearToDate(scope, period) ? yearToDate(scope, period, filter)
                : pupils(scope, period, filter, new TreeMap<>());
        for (PupilFigures pupil : pupils) {
            Tally one = Tally.ofPupil(pupil.sessions());
            switch (split) {
                case SCHOOL -> groups.merge(pupil.schoolUrn(), one, Tally::plus);
                case YEAR -> groups.merge(Integer.toString(pupil.yearGroup()), one, Tally::plus);
                case COHORT -> CohortFlags.in(pupil.cohorts()).forEach(c -> groups.merge(c.name(), one, Tally::plus));
            }
        }
        return figuresOf(groups);
    }

    enum Split { SCHOOL, YEAR, COHORT }

    private Map<String, Tally> bySchool(Scope scope, String year, FigureStore.Weeks weeks, Narrowing narrowing,
                                        boolean ytd) {
        var bySchool = new LinkedHashMap<String, Tally>();
        for (var row : store.rollup(scope.schoolUrns(), year, weeks, narrowing.dimension(), narrowing.member())) {
            bySchool.merge(row.schoolUrn(), ytd ? row.yearToDate() : row.week(), Tally::plus);
        }
        return bySchool;
    }

    /**
     * The group split by year group or cohort from the rollup that holds the split (all pupils by year group; a cohort
     * by year group within it; a cohort or a year group by cohort), keyed as the pupils' rows would key it; null when no
     * rollup holds it (a year group within a cohort, split by cohort).
     */
    private Map<String, Tally> split(Scope scope, String year, FigureStore.Weeks weeks, Narrowing narrowing, Split split,
                                     boolean ytd) {
        Dimension dimension;
        String prefix = "";
        String suffix = "";
        var byMember = new TreeMap<String, Tally>();
        switch (narrowing.dimension()) {
            case ALL -> dimension = split == Split.YEAR ? Dimension.YEAR : Dimension.COHORT;
            case YEAR -> {
                if (split == Split.YEAR) {
                    return bySchoolAs(narrowing.member(), bySchool(scope, year, weeks, narrowing, ytd));
                }
                dimension = Dimension.YEAR_COHORT;
                prefix = narrowing.member() + " ";
            }
            case COHORT -> {
                if (split == Split.YEAR) {
                    dimension = Dimension.YEAR_COHORT;
                    suffix = " " + narrowing.member();
                } else {
                    // The cohort itself is one of its pupils' cohorts.
                    byMember.putAll(bySchoolAs(narrowing.member(), bySchool(scope, year, weeks, narrowing, ytd)));
                    dimension = Dimension.COHORT_PAIR;
                    prefix = narrowing.member() + " ";
                }
            }
            case YEAR_COHORT -> {
                if (split == Split.COHORT) {
                    return null;
                }
                return bySchoolAs(narrowing.member().substring(0, narrowing.member().indexOf(' ')),
                        bySchool(scope, year, weeks, narrowing, ytd));
            }
            default -> {
                return null;
            }
        }
        for (var row : store.rollup(scope.schoolUrns(), year, weeks, dimension, null)) {
            String member = row.member();
            if (member.startsWith(prefix) && member.endsWith(suffix)) {
                byMember.merge(member.substring(prefix.length(), member.length() - suffix.length()),
                        ytd ? row.yearToDate() : row.week(), Tally::plus);
            }
        }
        return byMember;
    }

    /** The schools' figures added up as one member (a group split by what it is already narrowed to). */
    private static Map<String, Tally> bySchoolAs(String member, Map<String, Tally> bySchool) {
        var one = new TreeMap<String, Tally>();
        bySchool.values().forEach(tally -> one.merge(member, tally, Tally::plus));
        return one;
    }

    /** Week by week through the year of {@code period}, up to its end. */
    List<WeekFigures> trend(Scope scope, Period period, Filter filter) {
        Narrowing narrowing = groupNarrowing(scope, filter);
        String year = period.year().toString();
        var byWeek = new TreeMap<LocalDate, Tally[]>();
        if (narrowing != null) {
            for (var row : store.rollup(scope.schoolUrns(), year, new FigureStore.Every(), narrowing.dimension(),
                    narrowing.member())) {
                add(byWeek, row.weekStart(), row.week(), row.yearToDate());
            }
        } else {
            byWeek.putAll(store.weeklyTotals(scope.schoolUrns(), year, WeekCodes.monday(period.to()), scope.pupilIds(),
                    filter.yearGroup(), cohortBits(scope, filter)));
        }
        var weeks = new ArrayList<WeekFigures>();
        byWeek.forEach((monday, both) -> {
            if (!monday.isAfter(period.to())) {
                weeks.add(new WeekFigures(monday, both[0], both[1]));
            }
        });
        return weeks;
    }

    /**
     * Each pupil of the scope and filter with their sessions over the period (pupils with no row in it are not
     * there); the sessions by code of all of them are added to {@code codes}. A pupil's figures for the period are
     * the difference of two of their weekly rows, the year to date at the end of the period less that before its
     * start; where the period starts or ends inside a week, the days of that week outside it are worked out again
     * from the week's codes by the calculator. At most two or three rows are read per pupil, whatever the period.
     */
    List<PupilFigures> pupils(Scope scope, Period period, Filter filter, Map<String, Integer> codes) {
        String year = period.year().toString();
        LocalDate fromMonday = WeekCodes.monday(period.from());
        LocalDate toMonday = WeekCodes.monday(period.to());
        var mondays = new java.util.TreeSet<LocalDate>(List.of(fromMonday, toMonday));
        for (var schoolYear : store.schoolYears(scope.schoolUrns(), year)) {
            if (schoolYear.lastWeek().isBefore(toMonday) && !schoolYear.lastWeek().isBefore(fromMonday)) {
                mondays.add(schoolYear.lastWeek());
            }
        }
        var first = new HashMap<Long, PupilWeek>();
        var last = new LinkedHashMap<Long, PupilWeek>();
        store.pupilWeeksAt(scope.schoolUrns(), year, mondays, scope.pupilIds(), filter.yearGroup(),
                cohortBits(scope, filter), row -> {
                    if (row.weekStart().equals(fromMonday)) {
                        first.put(row.pupilId(), row);
                    }
                    PupilWeek latest = last.get(row.pupilId());
                    if (latest == null || row.weekStart().isAfter(latest.weekStart())) {
                        last.put(row.pupilId(), row);
                    }
                });
        var rows = new WeeklyRows(calculator.calculator());
        var pupils = new ArrayList<PupilFigures>(last.size());
        for (PupilWeek end : last.values()) {
            Sessions through = end.yearToDate();
            Map<String, Integer> codesThrough = end.yearToDateByCode();
            LocalDate sunday = end.weekStart().plusDays(6);
            if (end.weekStart().equals(toMonday) && sunday.isAfter(period.to())) {
                LocalDate after = period.to().plusDays(1);
                through = through.minus(rows.sessions(WeekCodes.decode(end.weekStart(), end.codes(), after, sunday),
                        ON_ROLL, after, sunday));
                WeekCodes.count(end.weekStart(), end.codes(), after, sunday).forEach((c, n) -> codesThrough.merge(c, -n, Integer::sum));
            }
            Sessions before = Sessions.NONE;
            Map<String, Integer> codesBefore = new HashMap<>();
            PupilWeek start = first.get(end.pupilId());
            if (start != null) {
                before = start.yearToDate().minus(start.week());
                codesBefore.putAll(start.yearToDateByCode());
                WeekCodes.count(start.codes()).forEach((c, n) -> codesBefore.merge(c, -n, Integer::sum));
                LocalDate dayBefore = period.from().minusDays(1);
                if (!dayBefore.isBefore(start.weekStart())) {
                    before = before.plus(rows.sessions(WeekCodes.decode(start.weekStart(), start.codes(),
                            start.weekStart(), dayBefore), ON_ROLL, start.weekStart(), dayBefore));
                    WeekCodes.count(start.weekStart(), start.codes(), start.weekStart(), dayBefore)
                            .forEach((c, n) -> codesBefore.merge(c, n, Integer::sum));
                }
            }
            codesThrough.forEach((code, n) -> {
                int inPeriod = n - codesBefore.getOrDefault(code, 0);
                if (inPeriod != 0) {
                    codes.merge(code, inPeriod, Integer::sum);
                }
            });
            pupils.add(new PupilFigures(end.pupilId(), end.schoolUrn(), end.yearGroup(), end.cohorts(),
                    through.minus(before)));
        }
        return pupils;
    }

    /**
     * Each pupil's year to date from their latest row (or the week's own figures for a whole week): what the pupil
     * lists behind the dashboard's numbers show, without summing a year of rows.
     */
    List<PupilFigures> pupilsAt(Scope scope, Period period, Filter filter) {
        if (isYearToDate(scope, period)) {
            return yearToDate(scope, period, filter);
        }
        if (!isWholeWeek(period)) {
            return pupils(scope, period, filter, new HashMap<>());
        }
        LocalDate monday = WeekCodes.monday(period.to());
        var found = new ArrayList<PupilFigures>();
        store.pupilWeeks(scope.schoolUrns(), period.year().toString(), monday, monday, scope.pupilIds(),
                filter.yearGroup(), cohortBits(scope, filter), row -> found.add(new PupilFigures(row.pupilId(),
                        row.schoolUrn(), row.yearGroup(), row.cohorts(), row.week())));
        return found;
    }

    /** Each pupil's year to date as of their school's latest week: one pre-computed row per pupil. */
    private List<PupilFigures> yearToDate(Scope scope, Period period, Filter filter) {
        if (scope.schoolUrns().isEmpty() || (scope.pupilIds() != null && scope.pupilIds().isEmpty())) {
            return List.of();
        }
        return store.recent(scope.schoolUrns(), period.year().toString(), scope.pupilIds(), filter.yearGroup(),
                cohortBits(scope, filter)).stream().map(p -> new PupilFigures(p.pupilId(), p.schoolUrn(), p.yearGroup(),
                p.cohorts(), p.yearToDate())).toList();
    }

    /** How many sessions of one code each pupil of the scope and filter had in the period (pupils with none left out). */
    Map<Long, Integer> codeCounts(Scope scope, Period period, Filter filter, String code) {
        var counts = new HashMap<Long, Integer>();
        store.pupilWeeks(scope.schoolUrns(), period.year().toString(), WeekCodes.monday(period.from()),
                WeekCodes.monday(period.to()), scope.pupilIds(), filter.yearGroup(), cohortBits(scope, filter), code,
                row -> {
                    int n = WeekCodes.count(row.weekStart(), row.codes(), period.from(), period.to()).getOrDefault(code, 0);
                    if (n > 0) {
                        counts.merge(row.pupilId(), n, Integer::sum);
                    }
                });
        return counts;
    }

    /** Whether the period is the whole of the year's figures so far: from 1 September to on or after every as-of date. */
    boolean isYearToDate(Scope scope, Period period) {
        if (!period.from().equals(period.year().firstDay())) {
            return false;
        }
        for (var schoolYear : store.schoolYears(scope.schoolUrns(), period.year().toString())) {
            if (period.to().isBefore(schoolYear.asOf())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the period is one whole Monday-to-Sunday week (from the year's first day, for the first week). */
    static boolean isWholeWeek(Period period) {
        LocalDate monday = WeekCodes.monday(period.from());
        return WeekCodes.monday(period.to()).equals(monday) && period.to().equals(monday.plusDays(6))
                && period.from().equals(WeeklyRows.max(monday, period.year().firstDay()));
    }

    /**
     * Which rollup holds the scope and filter, or null when none does (two filters at once, a cohort within the
     * Virtual School, a caseload): then the pupils' rows are summed.
     */
    private static Narrowing narrowing(Scope scope, Filter filter) {
        if (scope.pupilIds() != null) {
            return null;
        }
        Cohort cohort = scope.cohort();
        if (filter.cohort() != null) {
            if (cohort != null && cohort != filter.cohort()) {
                return null;
            }
            cohort = filter.cohort();
        }
        if (cohort != null && filter.yearGroup() != null) {
            return null;
        }
        if (cohort != null) {
            return new Narrowing(Dimension.COHORT, cohort.name());
        }
        if (filter.yearGroup() != null) {
            return new Narrowing(Dimension.YEAR, filter.yearGroup().toString());
        }
        return new Narrowing(Dimension.ALL, "");
    }

    /**
     * Which rollup holds the pupils and sessions (not the sessions by code) of the scope and filter: as
     * {@link #narrowing}, and a year group within a cohort or a cohort within another (two filters at once, the
     * Virtual School with a filter); null for a caseload or three narrowings at once.
     */
    private static Narrowing groupNarrowing(Scope scope, Filter filter) {
        Narrowing narrowing = narrowing(scope, filter);
        if (narrowing != null || scope.pupilIds() != null) {
            return narrowing;
        }
        Cohort cohort = scope.cohort() != null ? scope.cohort() : filter.cohort();
        if (scope.cohort() != null && filter.cohort() != null && filter.cohort() != scope.cohort()) {
            return filter.yearGroup() != null ? null
                    : new Narrowing(Dimension.COHORT_PAIR, Dimension.cohortInCohort(scope.cohort(), filter.cohort()));
        }
        return new Narrowing(Dimension.YEAR_COHORT, Dimension.yearInCohort(filter.yearGroup(), cohort));
    }

    private static int cohortBits(Scope scope, Filter filter) {
        int bits = 0;
        if (scope.cohort() != null) {
            bits |= CohortFlags.bit(scope.cohort());
        }
        if (filter.cohort() != null) {
            bits |= CohortFlags.bit(filter.cohort());
        }
        return bits;
    }

    private static Figures fromRollup(List<FigureStore.RollupRow> rows, List<FigureStore.CodeRow> codeRows, boolean ytd) {
        Tally tally = Tally.NONE;
        for (var row : rows) {
            tally = tally.plus(ytd ? row.yearToDate() : row.week());
        }
        var codes = new TreeMap<String, Integer>();
        for (var row : codeRows) {
            int n = ytd ? row.yearToDate() : row.sessions();
            if (n != 0) {
                codes.merge(row.code(), n, Integer::sum);
            }
        }
        return new Figures(tally, codes);
    }

    private static <K> Map<K, Figures> figuresOf(Map<K, Tally> tallies) {
        var figures = new LinkedHashMap<K, Figures>();
        tallies.forEach((key, tally) -> figures.put(key, new Figures(tally, Map.of())));
        return figures;
    }

    private static void add(Map<LocalDate, Tally[]> byWeek, LocalDate monday, Tally week, Tally ytd) {
        Tally[] both = byWeek.computeIfAbsent(monday, m -> new Tally[] {Tally.NONE, Tally.NONE});
        both[0] = both[0].plus(week);
        both[1] = both[1].plus(ytd);
    }
}
