package org.openattendance.casework;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openattendance.notification.LetterRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Collects every LetterRequested the casework module publishes, for tests to read by case. */
@Component
public class LetterRequests {

    private final List<LetterRequested> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(LetterRequested request) {
        seen.add(request);
    }

    public List<LetterRequested> of(UUID caseId) {
        return seen.stream().filter(r -> caseId.equals(r.caseId())).toList();
    }
}
