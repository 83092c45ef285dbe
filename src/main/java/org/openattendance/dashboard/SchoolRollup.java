package org.openattendance.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openattendance.school.Cohort;

/**
 * Sums a school's pupil weeks of one academic year into its weekly rollups: all pupils, each year group, each cohort,
 * each year group within a cohort and each cohort within another ({@link Dimension});
 * each week's own figures and the year to date at its end, with the pupils persistently and severely absent over
 * each, and the sessions by code. A pupil whose rows end before the school's latest week (worked out earlier) is
 * carried forward with no sessions, so the year to date of every week holds every pupil of the year. Pure.
 */
final class SchoolRollup {

    record Key(LocalDate weekStart, Dimension dimension, String member) {
    }

    record Row(Key key, Tally week, Tally yearToDate) {
    }

    record CodeRow(Key key, String code, int sessions, int yearToDateSessions) {
    }

    /** One pupil as of the latest week: the year to date and the last four school weeks. */
    record PupilRecent(long pupilId, String schoolUrn, int yearGroup, int cohorts, Sessions yearToDate,
                       Sessions lastFourWeeks) {
    }

    /**
     * @param atRisk the pupils at risk of persistent absence as of the latest week ({@link AtRisk})
     * @param pupils each pupil as of the latest week
     */
    record Result(List<Row> rows, List<CodeRow> codes, int atRisk, List<PupilRecent> pupils) {
    }

    /** The school weeks (a week with a possible session for the pupil) whose attendance counts as recent. */
    static final int RECENT_WEEKS = 4;

    private final Map<Key, Tally[]> tallies = new HashMap<>();
    private final Map<Key, Map<String, int[]>> codes = new HashMap<>();
    private int atRisk;
    private final List<PupilRecent> pupils = new ArrayList<>();

    private SchoolRollup() {
    }

    /** @param rows the school's rows of one year, each pupil's in week order */
    static Result of(List<PupilWeek> rows, LocalDate lastWeek) {
        var rollup = new SchoolRollup();
        var byPupil = new LinkedHashMap<Long, List<PupilWeek>>();
        for (PupilWeek row : rows) {
            byPupil.computeIfAbsent(row.pupilId(), id -> new ArrayList<>()).add(row);
        }
        byPupil.values().forEach(pupilRows -> rollup.addPupil(pupilRows, lastWeek));
        return rollup.result();
    }

    private void addPupil(List<PupilWeek> rows, LocalDate lastWeek) {
        Sessions recent = Sessions.NONE;
        int schoolWeeks = 0;
        for (int i = rows.size() - 1; i >= 0 && schoolWeeks < RECENT_WEEKS; i--) {
            if (rows.get(i).week().possible() > 0 && !rows.get(i).weekStart().isAfter(lastWeek)) {
                recent = recent.plus(rows.get(i).week());
                schoolWeeks++;
            }
        }
        PupilWeek latest = rows.get(rows.size() - 1);
        if (AtRisk.of(latest.yearToDate(), recent)) {
            atRisk++;
        }
        pupils.add(new PupilRecent(latest.pupilId(), latest.schoolUrn(), latest.yearGroup(), latest.cohorts(),
                latest.yearToDate(), recent));
        var toDate = new TreeMap<String, Integer>();
        List<Key> keys = new ArrayList<>();
        int next = 0;
        for (LocalDate week = rows.get(0).weekStart(); !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
            PupilWeek row = next < rows.size() && rows.get(next).weekStart().equals(week) ? rows.get(next++) : null;
            Sessions weekSessions = row == null ? Sessions.NONE : row.week();
            Sessions ytd = row == null ? (week.isAfter(latest.weekStart()) ? latest.yearToDate() : previousYtd(rows, week))
                    : row.yearToDate();
            Map<String, Integer> weekCodes = row == null ? Map.of() : WeekCodes.count(row.codes());
            weekCodes.forEach((code, n) -> toDate.merge(code, n, Integer::sum));
            keys.clear();
            keys.add(new Key(week, Dimension.ALL, ""));
            keys.add(new Key(week, Dimension.YEAR, Integer.toString(latest.yearGroup())));
            List<Cohort> cohorts = CohortFlags.in(latest.cohorts());
            for (Cohort cohort : cohorts) {
                keys.add(new Key(week, Dimension.COHORT, cohort.name()));
                keys.add(new Key(week, Dimension.YEAR_COHORT, Dimension.yearInCohort(latest.yearGroup(), cohort)));
                for (Cohort other : cohorts) {
                    if (other != cohort) {
                        keys.add(new Key(week, Dimension.COHORT_PAIR, Dimension.cohortInCohort(cohort, other)));
                    }
                }
            }
            Tally weekTally = Tally.ofPupil(weekSessions);
            Tally ytdTally = Tally.ofPupil(ytd);
            for (Key key : keys) {
                Tally[] both = tallies.computeIfAbsent(key, k -> new Tally[] {Tally.NONE, Tally.NONE});
                both[0] = both[0].plus(weekTally);
                both[1] = both[1].plus(ytdTally);
                if (key.dimension().hasCodes()) {
                    Map<String, int[]> byCode = codes.computeIfAbsent(key, k -> new TreeMap<>());
                    weekCodes.forEach((code, n) -> byCode.computeIfAbsent(code, c -> new int[2])[0] += n);
                    toDate.forEach((code, n) -> byCode.computeIfAbsent(code, c -> new int[2])[1] += n);
                }
            }
        }
    }

    /** A gap inside a pupil's rows (should not happen: rows are written without gaps) keeps the year to date. */
    private static Sessions previousYtd(List<PupilWeek> rows, LocalDate week) {
        Sessions ytd = Sessions.NONE;
        for (PupilWeek row : rows) {
            if (row.weekStart().isAfter(week)) {
                break;
            }
            ytd = row.yearToDate();
        }
        return ytd;
    }

    private Result result() {
        var rows = new ArrayList<Row>(tallies.size());
        tallies.forEach((key, both) -> rows.add(new Row(key, both[0], both[1])));
        var codeRows = new ArrayList<CodeRow>();
        codes.forEach((key, byCode) -> byCode.forEach((code, n) -> codeRows.add(new CodeRow(key, code, n[0], n[1]))));
        return new Result(rows, codeRows, atRisk, pupils);
    }
}
