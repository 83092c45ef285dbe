package org.openattendance.attendance;

import java.util.List;

/**
 * The signals of one recalculation batch (up to 1,000 pupils), published together in the batch's transaction: one
 * event publication for the batch rather than one per signal, and a listener that works through them in order, so
 * the signals of one pupil never race each other.
 */
public record AttendanceSignals(List<AttendanceSignal> signals) {

    public AttendanceSignals {
        signals = List.copyOf(signals);
    }
}
