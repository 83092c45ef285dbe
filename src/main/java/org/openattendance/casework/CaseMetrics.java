package org.openattendance.casework;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** Open tasks for Prometheus (every process: cases, leave requests, deletions from roll), read when scraped. */
@Component
class CaseMetrics implements MeterBinder {

    private final TaskService tasks;

    CaseMetrics(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("openattendance.tasks.open", this::open).description("Open user tasks").register(registry);
    }

    private double open() {
        try {
            return tasks.createTaskQuery().active().count();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
