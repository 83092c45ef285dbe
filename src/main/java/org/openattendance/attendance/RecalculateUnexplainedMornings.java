package org.openattendance.attendance;

import org.openattendance.register.UnexplainedMorningsRecorded;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Recalculates the pupils with an N in this morning's register first, as soon as the load commits, on a thread of its
 * own ({@link MorningAbsenceThreads}): their first day of absence is to be chased this morning, and the recalculation
 * of everybody the load touched (a whole school's roll, fifty schools on a Monday morning) would keep them waiting.
 * Their signals are published as from any recalculation; the recalculation of the whole roll that follows finds these
 * pupils unchanged and signals nothing twice (and each crossing is recorded once, whichever comes first).
 *
 * <p>Like an {@code @ApplicationModuleListener} (after commit, asynchronously, kept in the event publication registry
 * until it succeeds), but on its own thread. Before the school's morning register closes the N is not final yet: the
 * morning sweep recalculates the pupil at closing time, so nothing is done here.
 */
@Component
@ConditionalOnProperty(name = "openattendance.attendance.recalculate-after-load", havingValue = "true", matchIfMissing = true)
class RecalculateUnexplainedMornings {

    private final AttendanceSnapshots snapshots;
    private final MorningRegisters mornings;

    RecalculateUnexplainedMornings(AttendanceSnapshots snapshots, MorningRegisters mornings) {
        this.snapshots = snapshots;
        this.mornings = mornings;
    }

    @Async(MorningAbsenceThreads.NAME)
    @TransactionalEventListener
    void on(UnexplainedMorningsRecorded event) {
        if (event.day().equals(snapshots.today())
                && !mornings.closedThrough(event.schoolUrn(), event.day()).isBefore(event.day())) {
            snapshots.recalculate(event.pupilIds());
        }
    }
}
