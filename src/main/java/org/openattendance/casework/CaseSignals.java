package org.openattendance.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.openattendance.attendance.AttendanceSignal;
import org.openattendance.attendance.AttendanceSignals;
import org.openattendance.attendance.SignalKind;
import org.openattendance.school.Cohort;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.SchoolDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns attendance signals into case work: the first concerning signal of the year opens the pupil's case and
 * starts its process; every signal is then delivered to the process as a message and written on the timeline.
 *
 * <p>Like an {@code @ApplicationModuleListener} (after commit, asynchronously, kept in the event publication
 * registry until it succeeds), but with its own transactions: the signals of one register load arrive together,
 * and two of them for the same pupil may touch the same process instance at once. The engine then refuses one
 * with an optimistic-locking failure, which is retried here in a fresh transaction.
 */
@Component
class CaseSignals {

    private static final Logger LOG = LoggerFactory.getLogger(CaseSignals.class);
    private static final int ATTEMPTS = 8;
    static final int PER_TRANSACTION = 20;

    static final Map<SignalKind, String> MESSAGES = Map.of(
            SignalKind.UNEXPLAINED_ABSENCE, "UnexplainedAbsence",
            SignalKind.UNRESOLVED_ABSENCE, "UnresolvedAbsence",
            SignalKind.BELOW_ATTENDANCE_THRESHOLD, "BelowAttendanceThreshold",
            SignalKind.PERSISTENT_ABSENCE, "PersistentAbsence",
            SignalKind.SEVERE_ABSENCE, "SevereAbsence",
            SignalKind.PENALTY_THRESHOLD_MET, "PenaltyThresholdMet",
            SignalKind.CONTINUOUS_ABSENCE, "ContinuousAbsence",
            SignalKind.ILLNESS_DAYS_REACHED, "IllnessDaysReached",
            SignalKind.ATTENDANCE_RECOVERED, "AttendanceRecovered");

    private static final Map<SignalKind, Stage> FIRST_STAGE = Map.of(
            SignalKind.UNEXPLAINED_ABSENCE, Stage.FIRST_DAY_CONTACT,
            SignalKind.UNRESOLVED_ABSENCE, Stage.FIRST_DAY_CONTACT,
            SignalKind.CONTINUOUS_ABSENCE, Stage.CME_REFERRAL,
            SignalKind.BELOW_ATTENDANCE_THRESHOLD, Stage.LETTER,
            SignalKind.PERSISTENT_ABSENCE, Stage.LETTER,
            SignalKind.SEVERE_ABSENCE, Stage.LETTER,
            SignalKind.PENALTY_THRESHOLD_MET, Stage.NOTICE_TO_IMPROVE,
            SignalKind.ILLNESS_DAYS_REACHED, Stage.MONITORING);

    /** The follow-up of N marks left unresolved: one open at a time covers every such mark. */
    static final String UNRESOLVED_TASK = "chase-unexplained-marks";

    private static final Set<Cohort> SEND_OR_MEDICAL = Set.of(Cohort.SEN_SUPPORT, Cohort.EHCP, Cohort.MEDICAL);

    private final CaseStore records;
    private final CaseEngine engine;
    private final SchoolDirectory directory;
    private final PupilRoll roll;
    private final TransactionTemplate transaction;

    CaseSignals(CaseStore records, CaseEngine engine, SchoolDirectory directory, PupilRoll roll,
                PlatformTransactionManager transactions) {
        this.records = records;
        this.engine = engine;
        this.directory = directory;
        this.roll = roll;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The signals of one recalculation, in order, a few to a transaction ({@value #PER_TRANSACTION}): a Monday morning's
     * first-day contacts arrive a thousand at once, and a transaction per signal was much of their cost. The pupils'
     * case contacts and their schools' LA are read once for the batch. If a group fails (two signals met a concurrent
     * change of the same case, on this node or another), nothing of it is kept and its signals are handled again one
     * by one, each in its own transaction with retries. A signal that still fails does not stop the others; the
     * publication then stays incomplete and is resubmitted, and the signals handled already are recognised
     * ({@code case_signal_received}) and skipped.
     */
    @Async(CaseSignalThreads.NAME)
    @TransactionalEventListener
    void on(AttendanceSignals batch) {
        handleAll(batch.signals());
    }

    void handleAll(List<AttendanceSignal> signals) {
        var facts = new BatchFacts(roll.caseContactsOf(signals.stream().map(AttendanceSignal::pupilId).distinct().toList()));
        RuntimeException failed = null;
        for (int from = 0; from < signals.size(); from += PER_TRANSACTION) {
            List<AttendanceSignal> group = signals.subList(from, Math.min(signals.size(), from + PER_TRANSACTION));
            try {
                transaction.executeWithoutResult(status -> group.forEach(signal -> handle(signal, facts)));
                continue;
            } catch (RuntimeException e) {
                LOG.debug("A group of {} signals failed ({}); handling them one by one", group.size(), e.toString());
            }
            for (AttendanceSignal signal : group) {
                try {
                    handleWithRetries(signal, facts);
                } catch (RuntimeException e) {
                    LOG.warn("{} for {} could not be handled: {}", signal.kind(), signal.upn(), e.toString());
                    failed = failed == null ? e : failed;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** A single signal (as published before signals were batched). */
    @Async(CaseSignalThreads.NAME)
    @TransactionalEventListener
    void on(AttendanceSignal signal) {
        handleWithRetries(signal, new BatchFacts(roll.caseContactsOf(List.of(signal.pupilId()))));
    }

    private void handleWithRetries(AttendanceSignal signal, BatchFacts facts) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> handle(signal, facts));
                return;
            } catch (OptimisticLockingException | CannotAcquireLockException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("{} for {} met a concurrent change of the case; retrying", signal.kind(), signal.upn());
            }
        }
    }

    /**
     * What the signals of one batch share, read once: the pupils' case contacts (social worker, cohorts) and the LA of
     * each school.
     */
    private final class BatchFacts {
        private final Map<Long, PupilRoll.CaseContacts> contacts;
        private final Map<String, String> laCodes = new HashMap<>();

        BatchFacts(Map<Long, PupilRoll.CaseContacts> contacts) {
            this.contacts = contacts;
        }

        PupilRoll.CaseContacts contacts(long pupilId) {
            PupilRoll.CaseContacts found = contacts.get(pupilId);
            if (found == null) {
                throw new IllegalStateException("No pupil with id " + pupilId);
            }
            return found;
        }

        String laCode(String schoolUrn) {
            return laCodes.computeIfAbsent(schoolUrn, urn -> directory.school(urn)
                    .orElseThrow(() -> new IllegalStateException("No school with URN " + urn)).getLaCode());
        }
    }

    void handle(AttendanceSignal signal) {
        handle(signal, new BatchFacts(roll.caseContactsOf(List.of(signal.pupilId()))));
    }

    private void handle(AttendanceSignal signal, BatchFacts facts) {
        boolean concerning = signal.kind() != SignalKind.ATTENDANCE_RECOVERED;
        var existing = records.find(signal.pupilId(), signal.academicYear());
        if (existing.isEmpty() && !concerning) {
            return;
        }
        boolean startedNow = false;
        if (existing.isEmpty()) {
            String laCode = facts.laCode(signal.schoolUrn());
            var opened = records.openIfAbsent(signal.pupilId(), signal.upn(), signal.academicYear(), signal.schoolUrn(),
                    laCode, FIRST_STAGE.get(signal.kind()));
            if (opened.isPresent()) {
                startProcess(opened.get(), signal, facts.contacts(signal.pupilId()), laCode);
                startedNow = true;
            }
            existing = records.find(signal.pupilId(), signal.academicYear());
        }
        var record = existing.orElseThrow();
        if (!records.firstReceipt(record.id(), signalKey(signal))) {
            LOG.debug("{} for {} as of {} was handled before; ignored", signal.kind(), signal.upn(), signal.asOf());
            return;
        }
        // A process started by this transaction is running: no need to ask the engine.
        if (!startedNow && ("CLOSED".equals(record.status()) || !engine.isRunning(record.processInstanceId()))) {
            if (!concerning) {
                return;
            }
            records.reopen(record.id(), FIRST_STAGE.get(signal.kind()));
            startProcess(record.id(), signal, facts.contacts(signal.pupilId()), record.laCode());
            record = records.find(record.id()).orElseThrow();
        }
        records.addEvent(record.id(), CaseEventKind.SIGNAL, describe(signal), detail(signal), null);
        if (signal.kind() == SignalKind.CONTINUOUS_ABSENCE && engine.hasOpenTask(record.processInstanceId(), "cme-referral")) {
            // Referred sooner from first-day contact or a home visit: the open referral covers the 10th day too.
            records.addEvent(record.id(), CaseEventKind.SIGNAL, "Already referred to the LA",
                    "The open children-missing-education referral covers this signal", null);
            return;
        }
        if (signal.kind() == SignalKind.UNRESOLVED_ABSENCE && engine.updateOpenTask(record.processInstanceId(),
                UNRESOLVED_TASK, Map.of("unresolvedFrom", signal.snapshot().unresolvedFrom().toString(),
                        "unresolvedTo", signal.snapshot().unresolvedTo().toString()))) {
            records.addEvent(record.id(), CaseEventKind.SIGNAL, "Already being followed up",
                    "The open task to find the reason for earlier unexplained absence now covers these marks too", null);
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        var snapshot = signal.snapshot();
        if (signal.kind() == SignalKind.UNEXPLAINED_ABSENCE) {
            // The day of the latest N, not the day it was loaded: a letter names it as the most recent absence.
            variables.put("unexplainedDays", snapshot.unexplainedStreakDays());
            variables.put("absenceDate", (snapshot.unexplainedLastDay() == null ? signal.asOf() : snapshot.unexplainedLastDay()).toString());
        }
        if (signal.kind() == SignalKind.UNRESOLVED_ABSENCE) {
            variables.put("unresolvedFrom", snapshot.unresolvedFrom().toString());
            variables.put("unresolvedTo", snapshot.unresolvedTo().toString());
            variables.put("unresolvedSessions", snapshot.unresolvedSessions());
        }
        if (signal.snapshot().attendancePercent() != null) {
            variables.put("attendancePercent", signal.snapshot().attendancePercent().toPlainString());
        }
        engine.correlate(record.processInstanceId(), MESSAGES.get(signal.kind()), variables);
    }

    private void startProcess(UUID caseId, AttendanceSignal signal, PupilRoll.CaseContacts pupil, String laCode) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", caseId.toString());
        variables.put("upn", signal.upn());
        variables.put("schoolUrn", signal.schoolUrn());
        variables.put("laCode", laCode);
        variables.put("socialWorker", pupil.socialWorker());
        variables.put("lookedAfter", pupil.cohorts().contains(Cohort.LOOKED_AFTER));
        variables.put("sendOrMedical", pupil.cohorts().stream().anyMatch(SEND_OR_MEDICAL::contains));
        String instanceId = engine.startCase(signal.upn() + "-" + signal.academicYear(), variables);
        records.linkProcess(caseId, instanceId);
        records.addEvent(caseId, CaseEventKind.STAGE, "Case opened", "Opened on " + describe(signal), null);
    }

    /** What makes a signal the same signal when it is delivered again: its crossing, or (older events) its figures. */
    static String signalKey(AttendanceSignal signal) {
        if (signal.crossing() != null) {
            return signal.kind() + ":" + signal.crossing();
        }
        var s = signal.snapshot();
        return signal.kind() + ":" + signal.asOf() + ":" + s.unexplainedStreakDays() + ":" + s.attendancePercent()
                + ":" + s.penaltySessions() + ":" + s.illnessDays()
                + (signal.kind() == SignalKind.UNRESOLVED_ABSENCE ? ":" + s.unresolvedSessions() + ":" + s.unresolvedTo() : "");
    }

    static String describe(AttendanceSignal signal) {
        return switch (signal.kind()) {
            case UNEXPLAINED_ABSENCE -> "Unexplained absence (day " + signal.snapshot().unexplainedStreakDays() + ")";
            case UNRESOLVED_ABSENCE -> "Unexplained absence still unresolved (" + signal.snapshot().unresolvedSessions()
                    + " session(s) from " + signal.snapshot().unresolvedFrom() + ")";
            case BELOW_ATTENDANCE_THRESHOLD -> "Attendance fell below the letter threshold";
            case PERSISTENT_ABSENCE -> "Persistent absence (10 % or more)";
            case SEVERE_ABSENCE -> "Severe absence (50 % or more)";
            case PENALTY_THRESHOLD_MET -> "Penalty-notice threshold met";
            case CONTINUOUS_ABSENCE -> "Continuous unexplained absence reached the referral day count";
            case ILLNESS_DAYS_REACHED -> "Illness reached the sickness-return day count";
            case ATTENDANCE_RECOVERED -> "Attendance recovered above the thresholds";
        };
    }

    private static String detail(AttendanceSignal signal) {
        var s = signal.snapshot();
        return "As of " + signal.asOf() + ": attendance " + s.attendancePercent() + " %, " + s.penaltySessions()
                + " penalty-window sessions, " + s.unexplainedStreakDays() + " continuous unexplained days, "
                + s.illnessDays() + " illness days";
    }
}
