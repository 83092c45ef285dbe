package org.openattendance.attendance;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a school's morning register closes, an N loaded before then becomes the first day of absence to chase that
 * morning. Every minute this recalculates the few pupils whose snapshot holds such a morning (a partial index keeps
 * the look-up cheap); a recalculation after the load at or after closing time needs no sweep. Every node schedules it,
 * and one node at a time runs it (ShedLock row {@value #LOCK}, held for at least half a minute so the nodes do not
 * sweep the same minute twice): with several nodes the same pupils would otherwise be recalculated by each of them.
 */
@Component
@ConditionalOnProperty(name = "openattendance.attendance.morning-sweep.enabled", havingValue = "true", matchIfMissing = true)
class MorningRegisterSweep {

    static final String LOCK = "morning-register-sweep";
    private static final Logger LOG = LoggerFactory.getLogger(MorningRegisterSweep.class);

    private final AttendanceSnapshots snapshots;

    MorningRegisterSweep(AttendanceSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Scheduled(fixedDelayString = "${openattendance.attendance.morning-sweep.every:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = LOCK, lockAtLeastFor = "PT30S", lockAtMostFor = "PT10M")
    public void afterRegistersClose() {
        int done = snapshots.recalculateClosedMornings();
        if (done > 0) {
            LOG.info("Morning registers closed: recalculated {} pupil(s) with an N this morning", done);
        }
    }
}
