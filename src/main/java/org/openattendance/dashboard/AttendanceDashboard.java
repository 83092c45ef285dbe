package org.openattendance.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.openattendance.register.AttendanceCode;
import org.openattendance.register.AttendanceCodes;
import org.openattendance.school.Cohort;
import org.springframework.stereotype.Service;

/**
 * What an attendance dashboard shows for a scope: the year to date and the last school week, each beside the LA's
 * figure; the breakdowns by school, year group and cohort; the weekly trend; absence by reason; the N codes past
 * the five school days the regulations allow. All from the aggregates.
 */
@Service
class AttendanceDashboard {

    /** One line of a breakdown: its label, what narrows the pupil lists to it, its figures and the comparison's. */
    record Row(String label, String school, Integer yearGroup, Cohort cohort, String dashboardHref, Figures figures,
               Figures comparison) {
    }

    /** One code of 'absence by reason'. */
    record Reason(String code, String meaning, String category, int sessions, BigDecimal percentOfPossible) {
        public String categoryLabel() {
            return "AUTHORISED".equals(category) ? "Authorised" : "Unauthorised";
        }
    }

    /** One week of the trend. */
    record TrendWeek(LocalDate monday, Tally week, Tally yearToDate) {
        public BigDecimal attendancePercent() {
            return Figures.percent(week.sessions().attended(), week.sessions().possible());
        }

        public BigDecimal persistentPercent() {
            return Figures.percent(yearToDate.persistent(), yearToDate.pupils());
        }
    }

    record Model(Scope scope, String basePath, Filter filter, String comparisonLabel, Period yearToDate,
                 LocalDate lastWeek, Figures ytd, Figures week, Figures comparisonYtd, Figures comparisonWeek,
                 int staleUnexplainedMarks, int staleUnexplainedPupils, List<Row> bySchool, List<Row> byYear,
                 List<Row> byCohort, List<TrendWeek> trend, LineChart attendanceChart, LineChart persistentChart,
                 List<Reason> reasons, BarChart reasonsChart) {

        public Links links() {
            return new Links(basePath, filter, lastWeek);
        }
    }

    private final Summaries summaries;
    private final Scopes scopes;
    private final FigureStore store;
    private final AttendanceCodes codes;

    AttendanceDashboard(Summaries summaries, Scopes scopes, FigureStore store, AttendanceCodes codes) {
        this.summaries = summaries;
        this.scopes = scopes;
        this.store = store;
        this.codes = codes;
    }

    Model build(Scope scope, String basePath, Filter filter) {
        LocalDate today = summaries.today();
        Period ytd = Period.yearToDate(today);
        Scope comparison = comparisonOf(scope);
        List<TrendWeek> trend = summaries.trend(scope, ytd, filter).stream()
                .filter(w -> w.week().sessions().possible() > 0)
                .map(w -> new TrendWeek(w.monday(), w.week(), w.yearToDate())).toList();
        LocalDate lastWeek = trend.stream().filter(w -> w.monday().plusDays(6).isBefore(today))
                .filter(w -> w.week().sessions().possible() > 0).map(TrendWeek::monday).reduce((a, b) -> b).orElse(null);
        Figures ytdFigures = summaries.figures(scope, ytd, filter);
        Figures weekFigures = lastWeek == null ? Figures.NONE : summaries.figures(scope, Period.week(lastWeek), filter);
        Figures comparisonYtd = comparison == null ? null : summaries.figures(comparison, ytd, filter);
        Figures comparisonWeek = comparison == null || lastWeek == null ? null
                : summaries.figures(comparison, Period.week(lastWeek), filter);
        int[] stale = scope.pupilIds() == null && scope.cohort() == null && filter.isEmpty()
                ? store.staleUnexplainedCount(scope.schoolUrns(), today)
                : staleCount(scope, filter, today);
        return new Model(scope, basePath, filter, comparison == null ? null : comparison.label(), ytd, lastWeek,
                ytdFigures, weekFigures, comparisonYtd, comparisonWeek, stale[0], stale[1],
                bySchool(scope, comparison, ytd, filter), byYear(scope, comparison, ytd, filter),
                byCohort(scope, comparison, ytd, filter), trend, attendanceChart(trend), persistentChart(trend),
                reasons(ytdFigures), reasonsChart(reasons(ytdFigures)));
    }

    /** A school's and the Virtual School's figures are shown beside their LA's. */
    private Scope comparisonOf(Scope scope) {
        return switch (scope.kind()) {
            case SCHOOL -> scopes.laOf(scope.key());
            case VIRTUAL_SCHOOL -> Scope.la(scope.key(), scopes.laName(scope.key()), scope.schoolUrns());
            default -> null;
        };
    }

    private int[] staleCount(Scope scope, Filter filter, LocalDate today) {
        var pupils = summaries.pupilsAt(scope, Period.yearToDate(today), filter).stream()
                .map(Summaries.PupilFigures::pupilId).toList();
        var marks = pupils.isEmpty() ? List.<FigureStore.StaleUnexplained>of()
                : store.staleUnexplained(scope.schoolUrns(), today, pupils);
        return new int[] {marks.size(), (int) marks.stream().map(FigureStore.StaleUnexplained::pupilId).distinct().count()};
    }

    /**
     * The Virtual School's children at each school beside all of that school's pupils (the LA's figures split by
     * school), as the year groups and cohorts are beside the LA's pupils of the same group.
     */
    private List<Row> bySchool(Scope scope, Scope comparison, Period period, Filter filter) {
        if (scope.kind() == Scope.Kind.SCHOOL || scope.kind() == Scope.Kind.CASELOAD) {
            return List.of();
        }
        Map<String, Figures> figures = summaries.breakdown(scope, period, filter, Summaries.Split.SCHOOL);
        Map<String, Figures> others = comparison == null ? Map.of()
                : summaries.breakdown(comparison, period, filter, Summaries.Split.SCHOOL);
        var rows = new ArrayList<Row>();
        for (String urn : scope.schoolUrns()) {
            Figures f = figures.get(urn);
            if (f != null && f.pupils() > 0) {
                rows.add(new Row(scopes.schoolName(urn), urn, null, null,
                        scope.kind() == Scope.Kind.LA ? "/dashboard/schools/" + urn : null, f, others.get(urn)));
            }
        }
        rows.sort(Comparator.comparing(Row::label));
        return rows;
    }

    private List<Row> byYear(Scope scope, Scope comparison, Period period, Filter filter) {
        if (filter.yearGroup() != null) {
            return List.of();
        }
        Map<String, Figures> figures = summaries.breakdown(scope, period, filter, Summaries.Split.YEAR);
        Map<String, Figures> others = comparison == null ? Map.of()
                : summaries.breakdown(comparison, period, filter, Summaries.Split.YEAR);
        var rows = new ArrayList<Row>();
        figures.entrySet().stream().sorted(Comparator.comparing(e -> Integer.parseInt(e.getKey()))).forEach(e -> {
            if (e.getValue().pupils() > 0) {
                int year = Integer.parseInt(e.getKey());
                rows.add(new Row(CohortFlags.yearGroup(year), null, year, null, null, e.getValue(), others.get(e.getKey())));
            }
        });
        return rows;
    }

    private List<Row> byCohort(Scope scope, Scope comparison, Period period, Filter filter) {
        Map<String, Figures> figures = summaries.breakdown(scope, period, filter, Summaries.Split.COHORT);
        Map<String, Figures> others = comparison == null ? Map.of()
                : summaries.breakdown(comparison, period, filter, Summaries.Split.COHORT);
        var rows = new ArrayList<Row>();
        for (Cohort cohort : CohortFlags.ORDER) {
            if (cohort == scope.cohort() || cohort == filter.cohort()) {
                continue;
            }
            Figures f = figures.get(cohort.name());
            rows.add(new Row(CohortFlags.label(cohort), null, null, cohort, null, f == null ? Figures.NONE : f,
                    others.get(cohort.name())));
        }
        return rows;
    }

    private List<Reason> reasons(Figures figures) {
        var reasons = new ArrayList<Reason>();
        for (AttendanceCode code : codes.all()) {
            boolean absence = "AUTHORISED".equals(code.category()) || "UNAUTHORISED".equals(code.category());
            int sessions = figures.sessionsByCode().getOrDefault(code.code(), 0);
            if (absence && sessions > 0) {
                reasons.add(new Reason(code.code(), code.meaning(), code.category(), sessions,
                        Figures.percent(sessions, figures.sessions().possible())));
            }
        }
        reasons.sort(Comparator.comparing(Reason::sessions).reversed().thenComparing(Reason::code));
        return reasons;
    }

    private static BarChart reasonsChart(List<Reason> reasons) {
        return BarChart.of(reasons.stream().map(r -> new BarChart.Item(r.code() + " " + r.meaning(), r.sessions(),
                "AUTHORISED".equals(r.category()) ? "#1d70b8" : "#d4351c")).toList());
    }

    private static LineChart attendanceChart(List<TrendWeek> trend) {
        return LineChart.of("Attendance by school week", trend.stream().map(TrendWeek::monday).toList(),
                trend.stream().map(TrendWeek::attendancePercent).toList(), 80, 100, 5, 90);
    }

    private static LineChart persistentChart(List<TrendWeek> trend) {
        return LineChart.of("Persistent absence, year to date, by school week",
                trend.stream().map(TrendWeek::monday).toList(),
                trend.stream().map(TrendWeek::persistentPercent).toList(), 0, 20, 5, null);
    }
}
