package org.openattendance.attendance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a school's morning register closes, an N loaded before then becomes the first day of absence to chase that
 * morning. Every minute this recalculates the few pupils whose snapshot holds such a morning (a partial index keeps
 * the look-up cheap); a recalculation after the load at or after closing time needs no sweep. Running on every node
 * does no harm: the pupils' rows are recalculated under their snapshot, and a signal handled once is not handled again.
 */
@Component
@ConditionalOnProperty(name = "openattendance.attendance.morning-sweep.enabled", havingValue = "true", matchIfMissing = true)
class MorningRegisterSweep {

    private static final Logger LOG = LoggerFactory.getLogger(MorningRegisterSweep.class);

    private final AttendanceSnapshots snapshots;

    MorningRegisterSweep(AttendanceSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Scheduled(fixedDelayString = "${openattendance.attendance.morning-sweep.every:PT1M}", initialDelayString = "PT30S")
    void afterRegistersClose() {
        int done = snapshots.recalculateClosedMornings();
        if (done > 0) {
            LOG.info("Morning registers closed: recalculated {} pupil(s) with an N this morning", done);
        }
    }
}
