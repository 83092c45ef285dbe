package org.openattendance.attendance;

import org.openattendance.register.MarksRecorded;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Recalculates the pupils a register change touched, after it commits. The event stays in the publication
 * registry until this succeeds. A bulk back-load may switch this off and call recalculateAll() once instead.
 */
@Component
@ConditionalOnProperty(name = "openattendance.attendance.recalculate-after-load", havingValue = "true", matchIfMissing = true)
class RecalculateAfterLoad {

    private final AttendanceSnapshots snapshots;

    RecalculateAfterLoad(AttendanceSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @ApplicationModuleListener
    void on(MarksRecorded event) {
        snapshots.recalculate(event.pupilIds());
    }
}
