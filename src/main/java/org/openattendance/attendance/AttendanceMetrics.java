package org.openattendance.attendance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** Recalculations and signals for Prometheus. */
@Component
class AttendanceMetrics {

    private final Timer batches;
    private final Counter pupils;
    private final Map<SignalKind, Counter> signals = new EnumMap<>(SignalKind.class);

    AttendanceMetrics(MeterRegistry registry) {
        batches = Timer.builder("openattendance.snapshots.recalculation")
                .description("Snapshot recalculation batches (up to 1,000 pupils in one transaction)").register(registry);
        pupils = Counter.builder("openattendance.snapshots.pupils").description("Pupils whose snapshot was recalculated")
                .register(registry);
        for (SignalKind kind : SignalKind.values()) {
            signals.put(kind, Counter.builder("openattendance.signals").description("Threshold crossings signalled")
                    .tag("kind", kind.name()).register(registry));
        }
    }

    Timer batches() {
        return batches;
    }

    void recalculated(int count, List<AttendanceSignal> signalled) {
        pupils.increment(count);
        signalled.forEach(signal -> signals.get(signal.kind()).increment());
    }
}
