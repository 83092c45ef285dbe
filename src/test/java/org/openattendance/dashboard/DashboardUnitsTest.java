package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openattendance.attendance.calculator.Mark;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.Session;

/** The small pure parts of the dashboards: week codes, rollups, CSV cells, percentiles, the at-risk rule, periods. */
class DashboardUnitsTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void aWeeksCodesRoundTripAndCountPartsOfTheWeek() {
        var marks = List.of(new Mark(MONDAY, Session.AM, "/"), new Mark(MONDAY, Session.PM, "\\"),
                new Mark(MONDAY.plusDays(2), Session.AM, "Y2"), new Mark(MONDAY.plusDays(4), Session.PM, "N"));
        String codes = WeekCodes.encode(MONDAY, marks);

        assertThat(codes).isEqualTo("/ \\" + " ".repeat(5) + "Y2" + " ".repeat(8) + "N");
        assertThat(WeekCodes.decode(MONDAY, codes, MONDAY, MONDAY.plusDays(6))).containsExactlyElementsOf(marks);
        assertThat(WeekCodes.count(MONDAY, codes, MONDAY.plusDays(1), MONDAY.plusDays(3))).isEqualTo(Map.of("Y2", 1));
        assertThat(WeekCodes.count(codes)).isEqualTo(Map.of("/", 1, "\\", 1, "Y2", 1, "N", 1));
        assertThatThrownBy(() -> WeekCodes.encode(MONDAY, List.of(new Mark(MONDAY.plusDays(7), Session.AM, "/"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRollupCarriesAPupilWhoseRowsEndEarlierToTheSchoolsLatestWeek() {
        // Pupil 1: two weeks, 10 possible each, 1 and 0 absent. Pupil 2: only week one, 10 possible, 5 absent (severe).
        var rows = List.of(
                row(1, MONDAY, 3, 8, new Sessions(10, 9, 1, 0, 0), "/ \\ I", new Sessions(10, 9, 1, 0, 0)),
                row(1, MONDAY.plusWeeks(1), 3, 8, new Sessions(10, 10, 0, 0, 0), "/ \\", new Sessions(20, 19, 1, 0, 0)),
                row(2, MONDAY, 4, 0, new Sessions(10, 5, 0, 5, 1), "U O", new Sessions(10, 5, 0, 5, 1)));

        var rollup = SchoolRollup.of(rows, MONDAY.plusWeeks(1));
        var all = rollup.rows().stream().filter(r -> r.key().dimension() == Dimension.ALL)
                .sorted(java.util.Comparator.comparing(r -> r.key().weekStart())).toList();

        assertThat(all).hasSize(2);
        // Week one: both pupils; pupil 1 exactly 10 % (persistent), pupil 2 50 % (severe and persistent).
        assertThat(all.get(0).week()).isEqualTo(new Tally(2, new Sessions(20, 14, 1, 5, 1), 2, 1));
        // Week two: pupil 2 has no row, so no sessions that week, but the year to date still holds them.
        assertThat(all.get(1).week()).isEqualTo(new Tally(1, new Sessions(10, 10, 0, 0, 0), 0, 0));
        assertThat(all.get(1).yearToDate()).isEqualTo(new Tally(2, new Sessions(30, 24, 1, 5, 1), 1, 1));
        // Neither pupil is at risk: pupil 1 attends 95 % (19 of 20 over their last school weeks too), pupil 2 is
        // already severely absent.
        assertThat(rollup.atRisk()).isZero();
        var fsm = rollup.rows().stream().filter(r -> r.key().dimension() == Dimension.COHORT
                && r.key().member().equals("FSM") && r.key().weekStart().equals(MONDAY.plusWeeks(1))).findFirst().orElseThrow();
        assertThat(fsm.yearToDate().pupils()).isEqualTo(1);
        assertThat(rollup.codes()).anySatisfy(c -> {
            assertThat(c.key().weekStart()).isEqualTo(MONDAY.plusWeeks(1));
            assertThat(c.key().dimension()).isEqualTo(Dimension.ALL);
            assertThat(c.code()).isEqualTo("O");
            assertThat(c.sessions()).isZero();
            assertThat(c.yearToDateSessions()).isEqualTo(1);
        });
    }

    @Test
    void eachPupilIsKeptAsOfTheLatestWeekWithTheLastFourSchoolWeeks() {
        // Six weeks: the third has no possible session (a holiday) and does not count as one of the last four school
        // weeks; the last four school weeks are weeks 2, 4, 5 and 6.
        int[][] weeks = {{10, 10}, {10, 9}, {0, 0}, {10, 8}, {10, 7}, {8, 6}};
        var rows = new java.util.ArrayList<PupilWeek>();
        Sessions ytd = Sessions.NONE;
        for (int w = 0; w < weeks.length; w++) {
            var week = new Sessions(weeks[w][0], weeks[w][1], 0, weeks[w][0] - weeks[w][1], 0);
            ytd = ytd.plus(week);
            rows.add(row(7, MONDAY.plusWeeks(w), 9, 64, week, "", ytd));
        }

        var pupils = SchoolRollup.of(rows, MONDAY.plusWeeks(5)).pupils();

        assertThat(pupils).singleElement().satisfies(p -> {
            assertThat(p.pupilId()).isEqualTo(7);
            assertThat(p.yearGroup()).isEqualTo(9);
            assertThat(p.cohorts()).isEqualTo(64);
            assertThat(p.yearToDate()).isEqualTo(new Sessions(48, 40, 0, 8, 0));
            assertThat(p.lastFourWeeks()).isEqualTo(new Sessions(38, 30, 0, 8, 0));
        });
    }

    @Test
    void csvCellsStartingWithFormulaCharactersAreMadeText() {
        assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.cell("+44 7700")).isEqualTo("'+44 7700");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tTab")).isEqualTo("'\tTab");
        assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(Csv.cell("O'Brien, Sam")).isEqualTo("\"O'Brien, Sam\"");
        assertThat(Csv.cell("Smith")).isEqualTo("Smith");
        assertThat(Csv.cell(new BigDecimal("94.1"))).isEqualTo("94.1");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(new Csv("A", "B").row("=x", 1).toString()).isEqualTo("A,B\r\n'=x,1\r\n");
    }

    @Test
    void percentilesAreNearestRank() {
        var minutes = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(CaseworkDashboard.percentile(minutes, 50)).isEqualTo(50L);
        assertThat(CaseworkDashboard.percentile(minutes, 90)).isEqualTo(90L);
        assertThat(CaseworkDashboard.percentile(List.of(7L), 90)).isEqualTo(7L);
        assertThat(CaseworkDashboard.percentile(List.of(), 50)).isNull();
    }

    @Test
    void atRiskMeansNotYetPersistentlyAbsentButLowOrFallingBelow92() {
        assertThat(TargetingPack.atRisk(recent(new Sessions(100, 91, 9, 0, 0), new Sessions(40, 38, 2, 0, 0)))).isTrue();
        assertThat(TargetingPack.atRisk(recent(new Sessions(100, 96, 4, 0, 0), new Sessions(40, 36, 4, 0, 0)))).isTrue();
        assertThat(TargetingPack.atRisk(recent(new Sessions(100, 96, 4, 0, 0), new Sessions(40, 39, 1, 0, 0)))).isFalse();
        assertThat(TargetingPack.atRisk(recent(new Sessions(100, 92, 8, 0, 0), new Sessions(40, 37, 3, 0, 0)))).isFalse();
        // Exactly 10 % absent is persistent absence: on the persistent list, not at risk.
        assertThat(TargetingPack.atRisk(recent(new Sessions(100, 90, 10, 0, 0), new Sessions(40, 30, 10, 0, 0)))).isFalse();
    }

    @Test
    void periodsStayInOneAcademicYearAndDefaultToTheYearToDate() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertThat(Period.of(null, null, today)).isEqualTo(new Period(LocalDate.of(2026, 9, 1), today));
        assertThat(Period.of(LocalDate.of(2025, 10, 1), null, today))
                .isEqualTo(new Period(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 8, 31)));
        assertThatThrownBy(() -> new Period(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("same academic year");
        assertThat(Summaries.isWholeWeek(new Period(MONDAY, MONDAY.plusDays(6)))).isTrue();
        assertThat(Summaries.isWholeWeek(new Period(MONDAY, MONDAY.plusDays(4)))).isFalse();
        // The week of 1 September 2026 (a Tuesday) starts on the first day of the year.
        assertThat(Summaries.isWholeWeek(new Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 6)))).isTrue();
        assertThat(Filter.parse("0", "fsm")).isEqualTo(new Filter(0, org.openattendance.school.Cohort.FSM));
        assertThat(Filter.parse("0", null).label()).isEqualTo("Reception");
    }

    @Test
    void timelineLinesReadAsWords() {
        assertThat(StageLabels.action("Stage: NOTICE_TO_IMPROVE")).isEqualTo("Moved to: Notice to Improve");
        assertThat(StageLabels.action("Letter requested: below-95-percent")).isEqualTo("Letter to the parents (below 95 percent)");
        assertThat(StageLabels.action("Completed: Agree a support plan")).isEqualTo("Agree a support plan (done)");
        assertThat(StageLabels.of(org.openattendance.casework.Stage.CME_REFERRAL)).isEqualTo("Children missing education referral");
    }

    private static ChildrenList.Recent recent(Sessions year, Sessions lastFour) {
        return new ChildrenList.Recent(1, "100000", year, lastFour);
    }

    @Test
    void theRollupSplitsEachCohortByYearGroupAndByTheOtherCohortsOfItsPupilsWithoutCodes() {
        int fsmAndLookedAfter = CohortFlags.bit(org.openattendance.school.Cohort.FSM)
                | CohortFlags.bit(org.openattendance.school.Cohort.LOOKED_AFTER);
        // Pupil 1: year 9, FSM and looked after, 10 possible and 1 absent (exactly 10 %, persistent). Pupil 2: year 9,
        // FSM only, 10 of 10. Pupil 3: year 8, no cohort, 5 absent of 10 (severe).
        var rows = List.of(
                row(1, MONDAY, 9, fsmAndLookedAfter, new Sessions(10, 9, 0, 1, 0), "/ \\ O", new Sessions(10, 9, 0, 1, 0)),
                row(2, MONDAY, 9, CohortFlags.bit(org.openattendance.school.Cohort.FSM), new Sessions(10, 10, 0, 0, 0),
                        "/ \\", new Sessions(10, 10, 0, 0, 0)),
                row(3, MONDAY, 8, 0, new Sessions(10, 5, 5, 0, 0), "I", new Sessions(10, 5, 5, 0, 0)));

        var rollup = SchoolRollup.of(rows, MONDAY);
        Map<String, Tally> yearInCohort = new java.util.TreeMap<>();
        Map<String, Tally> cohortInCohort = new java.util.TreeMap<>();
        rollup.rows().forEach(r -> {
            if (r.key().dimension() == Dimension.YEAR_COHORT) {
                yearInCohort.put(r.key().member(), r.yearToDate());
            } else if (r.key().dimension() == Dimension.COHORT_PAIR) {
                cohortInCohort.put(r.key().member(), r.yearToDate());
            }
        });

        Tally pupilOne = new Tally(1, new Sessions(10, 9, 0, 1, 0), 1, 0);
        assertThat(yearInCohort).isEqualTo(Map.of("9 FSM", new Tally(2, new Sessions(20, 19, 0, 1, 0), 1, 0),
                "9 LOOKED_AFTER", pupilOne));
        assertThat(cohortInCohort).isEqualTo(Map.of("FSM LOOKED_AFTER", pupilOne, "LOOKED_AFTER FSM", pupilOne));
        assertThat(rollup.codes()).noneMatch(c -> !c.key().dimension().hasCodes());
        assertThat(rollup.codes()).anyMatch(c -> c.key().dimension() == Dimension.COHORT && c.code().equals("O"));
    }

    private static PupilWeek row(long pupil, LocalDate monday, int year, int cohorts, Sessions week, String codes,
                                 Sessions ytd) {
        return new PupilWeek(pupil, "2026-27", monday, "100000", year, cohorts, week, codes, ytd, "");
    }
}
