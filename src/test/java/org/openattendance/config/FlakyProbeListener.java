package org.openattendance.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Fails the first delivery of each probe, as a listener would when the database or mail server blips. */
@Component
public class FlakyProbeListener {

    /** An event for EventResubmissionTest only. */
    public record Probe(String id) {
    }

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();

    /** Methods, not fields: the bean is a proxy (the listener runs asynchronously). */
    public int attempts(String id) {
        return attempts.getOrDefault(id, new AtomicInteger()).get();
    }

    public int processed(String id) {
        return processed.getOrDefault(id, new AtomicInteger()).get();
    }

    @ApplicationModuleListener
    void on(Probe probe) {
        if (attempts.computeIfAbsent(probe.id(), k -> new AtomicInteger()).incrementAndGet() == 1) {
            throw new IllegalStateException("first delivery fails");
        }
        processed.computeIfAbsent(probe.id(), k -> new AtomicInteger()).incrementAndGet();
    }
}
