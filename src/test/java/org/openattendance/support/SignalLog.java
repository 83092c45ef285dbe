package org.openattendance.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openattendance.attendance.AttendanceSignal;
import org.openattendance.attendance.AttendanceSignals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Collects every attendance signal published, as the casework module will hear them. */
@Component
public class SignalLog {

    private final List<AttendanceSignal> signals = new CopyOnWriteArrayList<>();

    @EventListener
    void on(AttendanceSignal signal) {
        signals.add(signal);
    }

    @EventListener
    void on(AttendanceSignals batch) {
        signals.addAll(batch.signals());
    }

    public List<AttendanceSignal> forPupil(String upn) {
        return signals.stream().filter(s -> s.upn().equals(upn)).toList();
    }
}
