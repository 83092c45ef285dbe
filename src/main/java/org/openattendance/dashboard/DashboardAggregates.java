package org.openattendance.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openattendance.attendance.ConfiguredCalculator;
import org.openattendance.attendance.calculator.EnrolmentDates;
import org.openattendance.attendance.calculator.Mark;
import org.openattendance.register.RegisterQueries;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.School;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the dashboard's aggregates up to date: after a register load or a change of pupil records, the touched
 * pupils' weekly rows are worked out again from their marks, and then their school's rollups from its pupils' rows.
 * One school at a time across every node (an advisory lock), each refresh in one transaction.
 */
@Service
public class DashboardAggregates {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardAggregates.class);

    private final ConfiguredCalculator calculator;
    private final RegisterQueries register;
    private final PupilRoll roll;
    private final SchoolCalendars calendars;
    private final SchoolDirectory directory;
    private final AggregateStore store;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DashboardAggregates(ConfiguredCalculator calculator, RegisterQueries register, PupilRoll roll,
                        SchoolCalendars calendars, SchoolDirectory directory, AggregateStore store,
                        PlatformTransactionManager transactions, Clock clock) {
        this.calculator = calculator;
        this.register = register;
        this.roll = roll;
        this.calendars = calendars;
        this.directory = directory;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Works out the given pupils of one school again for one academic year, then the school's rollups. */
    public void refresh(String schoolUrn, Collection<Long> pupilIds, AcademicYear year) {
        refresh(schoolUrn, pupilIds, year, null);
    }

    /**
     * After marks from {@code changedFrom} on were recorded (the pupils' records unchanged): the pupils' rows from that
     * day's week on are worked out again and rewritten, the earlier weeks' rows (which those marks cannot change) are
     * kept, then the school's rollups. A Monday morning's load rewrites one week of each pupil, not the whole year.
     * A pupil without a row for the week before (new, or never refreshed) gets all their rows.
     */
    public void refresh(String schoolUrn, Collection<Long> pupilIds, AcademicYear year, LocalDate changedFrom) {
        LocalDate today = LocalDate.now(clock);
        if (year.firstDay().isAfter(today)) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            store.lockSchool(schoolUrn);
            List<PupilRoll.Profile> pupils = roll.profilesOf(pupilIds).stream()
                    .filter(p -> p.schoolUrn().equals(schoolUrn)).toList();
            LocalDate fromWeek = keptBefore(pupils, year, changedFrom);
            refreshPupils(schoolUrn, pupils, year, today, fromWeek);
            refreshRollup(schoolUrn, year, today, fromWeek);
        });
    }

    /**
     * The first week whose rows are rewritten when the pupils' marks changed from {@code changedFrom} on, or null for
     * all weeks: null unless every pupil has a row for the week before it (rows run without gaps, so then every
     * earlier week has one too).
     */
    private LocalDate keptBefore(List<PupilRoll.Profile> pupils, AcademicYear year, LocalDate changedFrom) {
        if (changedFrom == null || pupils.isEmpty() || !changedFrom.isAfter(year.firstDay())) {
            return null;
        }
        LocalDate fromWeek = WeekCodes.monday(changedFrom);
        if (!fromWeek.isAfter(year.firstDay())) {
            return null;
        }
        var ids = pupils.stream().map(PupilRoll.Profile::pupilId).toList();
        return store.pupilsWithWeek(ids, year.toString(), fromWeek.minusWeeks(1)) == ids.size() ? fromWeek : null;
    }

    /** Every pupil of the school, for one academic year. */
    public void refreshSchool(String schoolUrn, AcademicYear year) {
        refresh(schoolUrn, roll.profilesAt(schoolUrn).stream().map(PupilRoll.Profile::pupilId).toList(), year);
    }

    /** Every school, this academic year: after a bulk load with the listeners off, or on an empty dashboard. */
    public int refreshAll() {
        AcademicYear year = AcademicYear.containing(LocalDate.now(clock));
        List<School> schools = directory.allSchools();
        for (School school : schools) {
            refreshSchool(school.getUrn(), year);
        }
        return schools.size();
    }

    boolean isEmpty() {
        return store.isEmpty();
    }

    private void refreshPupils(String schoolUrn, List<PupilRoll.Profile> pupils, AcademicYear year, LocalDate today,
                               LocalDate fromWeek) {
        if (pupils.isEmpty()) {
            return;
        }
        LocalDate asOf = year.contains(today) ? today : year.lastDay();
        var rows = new WeeklyRows(calculator.calculator());
        Set<String> unexplainedCodes = calculator.calculator().policy().unexplainedCodes();
        Map<Long, PupilRoll.Profile> byId = new HashMap<>();
        pupils.forEach(p -> byId.put(p.pupilId(), p));
        var weeks = new ArrayList<PupilWeek>(pupils.size() * 40);
        var unexplained = new ArrayList<AggregateStore.Unexplained>();
        var marked = new java.util.HashSet<Long>();
        register.forEachPupil(List.copyOf(byId.keySet()), year.firstDay(), asOf, (pupilId, marks) -> {
            marked.add(pupilId);
            PupilRoll.Profile pupil = byId.get(pupilId);
            List<Mark> pupilMarks = marks.stream().map(m -> new Mark(m.date(), m.session(), m.code())).toList();
            weeks.addAll(rows.of(weeklyPupil(pupil), pupilMarks, year, asOf));
            EnrolmentDates enrolment = enrolment(pupil);
            for (Mark mark : pupilMarks) {
                if (unexplainedCodes.contains(mark.code()) && onRoll(enrolment, mark.date())) {
                    unexplained.add(new AggregateStore.Unexplained(pupilId, mark.date(), mark.session()));
                }
            }
        });
        for (PupilRoll.Profile pupil : pupils) {
            if (!marked.contains(pupil.pupilId())) {
                weeks.addAll(rows.of(weeklyPupil(pupil), List.of(), year, asOf));
            }
        }
        if (fromWeek == null) {
            store.replacePupilWeeks(byId.keySet(), year.toString(), weeks);
            store.replaceUnexplained(schoolUrn, byId.keySet(), year.firstDay(), year.lastDay(), unexplained);
        } else {
            store.replacePupilWeeksFrom(byId.keySet(), year.toString(), fromWeek,
                    weeks.stream().filter(w -> !w.weekStart().isBefore(fromWeek)).toList());
            store.replaceUnexplained(schoolUrn, byId.keySet(), fromWeek, year.lastDay(),
                    unexplained.stream().filter(u -> !u.date().isBefore(fromWeek)).toList());
        }
    }

    /**
     * The school's rollups, worked out from all its pupils' rows and written from {@code fromWeek} on (null: every
     * week). The weeks before it cannot have changed when only the pupils' rows from that week on were rewritten; weeks
     * the school had no rollup for yet (the latest week moved on) are written too.
     */
    private void refreshRollup(String schoolUrn, AcademicYear year, LocalDate today, LocalDate fromWeek) {
        LocalDate asOf = year.contains(today) ? today : year.lastDay();
        LocalDate lastWeek = store.lastWeek(schoolUrn, year.toString());
        if (lastWeek == null) {
            return;
        }
        LocalDate thisWeek = WeekCodes.monday(asOf);
        if (lastWeek.isBefore(thisWeek)) {
            lastWeek = thisWeek;
        }
        LocalDate rollupWrittenTo = store.rollupLastWeek(schoolUrn, year.toString());
        LocalDate rewriteFrom = fromWeek == null || rollupWrittenTo == null ? null
                : WeeklyRows.min(fromWeek, rollupWrittenTo.plusWeeks(1));
        store.extendTo(schoolUrn, year.toString(), lastWeek);
        long started = System.nanoTime();
        SchoolRollup.Result rollup = SchoolRollup.of(store.pupilWeeks(schoolUrn, year.toString()), lastWeek);
        store.replaceRollup(schoolUrn, year.toString(), rollup, rewriteFrom, lastWeek, asOf, Instant.now(clock));
        store.replaceSchoolDays(schoolUrn, year.previous().firstDay(), year.lastDay(), schoolDays(schoolUrn, year));
        LOG.debug("Dashboard rollup of {} {}: {} rows in {} ms", schoolUrn, year, rollup.rows().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<LocalDate> schoolDays(String schoolUrn, AcademicYear year) {
        SchoolCalendar calendar = calendars.forYears(schoolUrn, List.of(year.previous(), year));
        var days = new ArrayList<LocalDate>();
        for (LocalDate day = year.previous().firstDay(); !day.isAfter(year.lastDay()); day = day.plusDays(1)) {
            if (calendar.isOpen(day, Session.AM) || calendar.isOpen(day, Session.PM)) {
                days.add(day);
            }
        }
        return days;
    }

    private static WeeklyRows.Pupil weeklyPupil(PupilRoll.Profile pupil) {
        return new WeeklyRows.Pupil(pupil.pupilId(), pupil.schoolUrn(), pupil.yearGroup(),
                CohortFlags.of(pupil.cohorts()), enrolment(pupil));
    }

    private static EnrolmentDates enrolment(PupilRoll.Profile pupil) {
        return new EnrolmentDates(pupil.admissionDate(), pupil.deletionDate());
    }

    private static boolean onRoll(EnrolmentDates enrolment, LocalDate date) {
        return !date.isBefore(enrolment.admissionDate())
                && (enrolment.leavingDate() == null || !date.isAfter(enrolment.leavingDate()));
    }
}
