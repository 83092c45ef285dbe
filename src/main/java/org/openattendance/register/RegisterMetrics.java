package org.openattendance.register;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Register loads for Prometheus: loads by outcome, and the marks they stored, amended or rejected. */
@Component
class RegisterMetrics {

    private final Counter stored;
    private final Counter rejectedWhole;
    private final Counter failed;
    private final Counter accepted;
    private final Counter amended;
    private final Counter rejectedRows;

    RegisterMetrics(MeterRegistry registry) {
        stored = loads(registry, "stored");
        rejectedWhole = loads(registry, "rejected");
        failed = loads(registry, "failed");
        accepted = marks(registry, "accepted");
        amended = marks(registry, "amended");
        rejectedRows = marks(registry, "rejected");
    }

    private static Counter loads(MeterRegistry registry, String outcome) {
        return Counter.builder("openattendance.register.loads").description("Register loads, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private static Counter marks(MeterRegistry registry, String outcome) {
        return Counter.builder("openattendance.register.marks").description("Marks in register loads, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    void loaded(RegisterLoadResult result) {
        boolean usable = result.accepted() + result.amended() + result.unchanged() > 0;
        (usable ? stored : rejectedWhole).increment();
        accepted.increment(result.accepted());
        amended.increment(result.amended());
        rejectedRows.increment(result.rejected().size());
    }

    void rejected() {
        rejectedWhole.increment();
    }

    void failed() {
        failed.increment();
    }
}
