package org.openattendance.attendance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.openattendance.attendance.calculator.AttendanceBand;
import org.openattendance.attendance.calculator.EnrolmentDates;
import org.openattendance.attendance.calculator.PupilSummary;
import org.openattendance.attendance.calculator.ReportingPeriod;
import org.openattendance.attendance.calculator.SessionCalendar;
import org.openattendance.register.OtherSettingMarks;
import org.openattendance.register.RegisterQueries;
import org.openattendance.school.PupilRoll;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one snapshot per pupil and academic year: recalculates the given pupils from their marks, stores the
 * result and publishes a signal for each threshold a pupil crossed since the previous snapshot.
 */
@Service
public class AttendanceSnapshots {

    static final int BATCH = 1000;

    private final CalculatorSetup setup;
    private final RegisterQueries register;
    private final PupilRoll roll;
    private final SnapshotStore table;
    private final SignalDetector signals;
    private final SignalCrossings crossings;
    private final ApplicationEventPublisher events;
    private final AttendanceMetrics metrics;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final OtherSettingMarks otherSettings;
    private final MorningRegisters mornings;
    private final ThreadPoolTaskExecutor extraThreads;

    AttendanceSnapshots(CalculatorSetup setup, RegisterQueries register, PupilRoll roll, SnapshotStore table,
                        SignalDetector signals, SignalCrossings crossings, ApplicationEventPublisher events,
                        AttendanceMetrics metrics, PlatformTransactionManager transactions, Clock clock,
                        OtherSettingMarks otherSettings, MorningRegisters mornings,
                        @Qualifier(RecalculationThreads.NAME) ThreadPoolTaskExecutor extraThreads) {
        this.extraThreads = extraThreads;
        this.otherSettings = otherSettings;
        this.mornings = mornings;
        this.setup = setup;
        this.register = register;
        this.roll = roll;
        this.table = table;
        this.signals = signals;
        this.crossings = crossings;
        this.events = events;
        this.metrics = metrics;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Recalculates the given pupils as of today, a batch per transaction. Called outside a transaction with more than
     * one batch (a recalculation of every pupil), the calling thread and the recalculation threads take batches in
     * turn; a failed batch stops the others taking new ones, and the failure is thrown once every batch under way has
     * finished (the batches done are kept: each is whole).
     */
    public int recalculate(List<Long> pupilIds) {
        return recalculate(pupilIds, BATCH);
    }

    int recalculate(List<Long> pupilIds, int batchSize) {
        LocalDate asOf = today();
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < pupilIds.size(); from += batchSize) {
            batches.add(pupilIds.subList(from, Math.min(pupilIds.size(), from + batchSize)));
        }
        if (batches.size() <= 1 || TransactionSynchronizationManager.isActualTransactionActive()) {
            // Inside a caller's transaction (an event listener's) every batch joins it, as it always did: a batch on
            // another thread would commit on its own while this thread keeps its locks until the caller commits,
            // and two such recalculations could wait for each other where PostgreSQL cannot see it.
            int done = 0;
            for (List<Long> batch : batches) {
                done += recalculateInTransaction(batch, asOf);
            }
            return done;
        }
        var work = new BatchQueue(batches, asOf);
        List<Future<?>> helpers = new ArrayList<>();
        for (int i = 0; i < Math.min(extraThreads.getMaxPoolSize(), batches.size() - 1); i++) {
            helpers.add(extraThreads.submit(work::takeUntilDone));
        }
        work.takeUntilDone();
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while recalculating snapshots", e);
            } catch (ExecutionException e) {
                work.failed(e.getCause());
            }
        }
        return work.result();
    }

    private int recalculateInTransaction(List<Long> batch, LocalDate asOf) {
        Integer done = metrics.batches().record(() -> transaction.execute(status -> recalculateBatch(batch, asOf)));
        return done == null ? 0 : done;
    }

    /** The batches of one recalculation, taken one at a time by whichever thread is free. */
    private final class BatchQueue {

        private final List<List<Long>> batches;
        private final LocalDate asOf;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        BatchQueue(List<List<Long>> batches, LocalDate asOf) {
            this.batches = batches;
            this.asOf = asOf;
        }

        void takeUntilDone() {
            for (int i = next.getAndIncrement(); i < batches.size() && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    done.addAndGet(recalculateInTransaction(batches.get(i), asOf));
                } catch (RuntimeException | Error e) {
                    failed(e);
                }
            }
        }

        void failed(Throwable e) {
            failure.compareAndSet(null, e);
        }

        int result() {
            Throwable e = failure.get();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof Error error) {
                throw error;
            }
            if (e != null) {
                throw new IllegalStateException("Recalculating snapshots failed", e);
            }
            return done.get();
        }
    }

    /**
     * Recalculates the pupils with an N this morning that was loaded while their school's morning register was still
     * open, at schools whose register has closed since: their first day of absence is to be chased this morning.
     * Answers how many were recalculated. Safe on several nodes at once: a signal already handled is recognised.
     */
    public int recalculateClosedMornings() {
        LocalDate today = today();
        List<Long> pending = table.pendingMornings(AcademicYear.containing(today).toString(), today);
        if (pending.isEmpty()) {
            return 0;
        }
        Map<String, Boolean> closed = new HashMap<>();
        List<Long> due = roll.byIds(pending).stream()
                .filter(e -> closed.computeIfAbsent(e.schoolUrn(), urn -> !mornings.closedThrough(urn, today).isBefore(today)))
                .map(PupilRoll.Enrolment::pupilId).toList();
        return due.isEmpty() ? 0 : recalculate(due);
    }

    /** Recalculates every pupil (after a bulk load, or for a new policy). */
    public int recalculateAll() {
        return recalculate(roll.allPupilIds());
    }

    public Optional<AttendanceSnapshot> find(long pupilId, AcademicYear year) {
        return Optional.ofNullable(table.find(List.of(pupilId), year.toString()).get(pupilId));
    }

    /** The stored snapshots of the given pupils for one year, by pupil id (pupils without one are missing). */
    public Map<Long, AttendanceSnapshot> forPupils(List<Long> pupilIds, AcademicYear year) {
        return pupilIds.isEmpty() ? Map.of() : table.find(pupilIds, year.toString());
    }

    /**
     * Calculates one pupil over any period, straight from the register. An N in the morning register of {@code to}
     * counts as a day of unexplained absence once the school's morning register has closed, as in the snapshot.
     */
    public PupilSummary calculate(long pupilId, LocalDate from, LocalDate to) {
        PupilRoll.Enrolment enrolment = roll.byIds(List.of(pupilId)).get(0);
        AcademicYear year = AcademicYear.containing(to);
        SessionCalendar calendar = setup.calendarFor(enrolment.schoolUrn(), year);
        var marks = new ArrayList<RegisterQueries.PupilMark>();
        LocalDate firstNeeded = from.isBefore(year.previous().firstDay()) ? from : year.previous().firstDay();
        register.forEachPupil(List.of(pupilId), firstNeeded, to, (id, pupilMarks) -> marks.addAll(pupilMarks));
        return setup.calculator().summarise(CalculatorSetup.marks(marks), calendar, enrolmentDates(enrolment),
                new ReportingPeriod(from, to), to,
                setup.otherSettingMarks(otherSettings.forPupils(List.of(pupilId)).getOrDefault(pupilId, List.of())),
                mornings.closedThrough(enrolment.schoolUrn(), to));
    }

    /**
     * One batch in one transaction: lock the pupils' snapshots, then read their marks (so the marks are at least as new
     * as those of the snapshot being replaced), calculate, write, and publish each threshold crossing not signalled
     * before.
     */
    private int recalculateBatch(List<Long> pupilIds, LocalDate asOf) {
        AcademicYear year = AcademicYear.containing(asOf);
        List<PupilRoll.Enrolment> enrolments = roll.byIds(pupilIds);
        if (enrolments.isEmpty()) {
            return 0;
        }
        List<Long> enrolled = enrolments.stream().map(PupilRoll.Enrolment::pupilId).toList();
        Map<Long, AttendanceSnapshot> previous = table.lockForRecalculation(enrolled, year.toString(), asOf);
        Map<Long, List<RegisterQueries.PupilMark>> marks = new HashMap<>();
        register.forEachPupil(enrolled, year.previous().firstDay(), asOf, marks::put);
        Map<Long, Integer> recoveries = crossings.recoveries(enrolled, year.toString());
        Map<String, SessionCalendar> calendars = new HashMap<>();
        Map<String, LocalDate> morningsClosed = new HashMap<>();
        Map<Long, List<OtherSettingMarks.Mark>> elsewhere = otherSettings.forPupils(enrolled);
        var snapshots = new ArrayList<AttendanceSnapshot>(enrolments.size());
        var crossed = new ArrayList<AttendanceSignal>();
        for (PupilRoll.Enrolment enrolment : enrolments) {
            SessionCalendar calendar = calendars.computeIfAbsent(enrolment.schoolUrn(), urn -> setup.calendarFor(urn, year));
            LocalDate morningsClosedThrough = morningsClosed.computeIfAbsent(enrolment.schoolUrn(),
                    urn -> mornings.closedThrough(urn, asOf));
            List<RegisterQueries.PupilMark> pupilMarks = marks.getOrDefault(enrolment.pupilId(), List.of());
            PupilSummary summary = setup.calculator().summarise(
                    CalculatorSetup.marks(pupilMarks), calendar,
                    enrolmentDates(enrolment), new ReportingPeriod(year.firstDay(), year.lastDay()), asOf,
                    setup.otherSettingMarks(elsewhere.getOrDefault(enrolment.pupilId(), List.of())),
                    morningsClosedThrough);
            boolean morningPending = morningsClosedThrough.isBefore(asOf) && pupilMarks.stream().anyMatch(m ->
                    m.date().equals(asOf) && m.session() == Session.AM && UnresolvedAbsence.UNEXPLAINED.equals(m.code()));
            AttendanceSnapshot snapshot = snapshotOf(enrolment.pupilId(), year, summary,
                    UnresolvedAbsence.before(pupilMarks, summary.unexplainedAbsence(), year, enrolment.admissionDate(),
                            morningsClosedThrough), morningPending);
            snapshots.add(snapshot);
            crossed.addAll(signals.crossings(enrolment, previous.get(enrolment.pupilId()), snapshot, summary,
                    recoveries.getOrDefault(enrolment.pupilId(), 0)));
        }
        table.save(snapshots, Instant.now(clock));
        List<AttendanceSignal> first = crossings.recordFirst(crossed);
        if (!first.isEmpty()) {
            events.publishEvent(new AttendanceSignals(first));
        }
        metrics.recalculated(snapshots.size(), first);
        return snapshots.size();
    }

    private static EnrolmentDates enrolmentDates(PupilRoll.Enrolment enrolment) {
        return new EnrolmentDates(enrolment.admissionDate(), enrolment.deletionDate());
    }

    private static AttendanceSnapshot snapshotOf(long pupilId, AcademicYear year, PupilSummary summary,
                                                 UnresolvedAbsence unresolved, boolean morningPending) {
        var figures = summary.figures();
        var penalty = summary.penaltyThreshold();
        return new AttendanceSnapshot(pupilId, year.toString(), summary.asOf(), figures.possible(), figures.attended(),
                figures.authorised(), figures.unauthorised(), figures.attendancePercent(), figures.band(),
                penalty.sessions(), penalty.windowStart(), penalty.windowEnd(), penalty.met(),
                summary.unexplainedAbsence().schoolDays(), summary.illness().sessions(),
                summary.unexplainedAbsence().lastDay(), unresolved.sessions(), unresolved.from(), unresolved.to(),
                morningPending);
    }
}
