package org.openattendance.notification;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.openattendance.security.AccessPolicy;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** For administrators: what the outbox holds, why a message failed, and a way to send a failed one again. */
@RestController
class OutboxApi {

    record RetryBody(long id, Outbox.Status status) {
    }

    private final Outbox outbox;
    private final AccessPolicy access;
    private final Clock clock;

    OutboxApi(Outbox outbox, AccessPolicy access, Clock clock) {
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/admin/outbox")
    List<Outbox.Entry> list(@RequestParam(required = false) String status,
                            @RequestParam(defaultValue = "200") int limit) {
        access.checkAdmin();
        return outbox.list(parse(status), Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/api/admin/outbox/{id}/retry")
    RetryBody retry(@PathVariable long id) {
        access.checkAdmin();
        if (!outbox.retry(id, clock.instant())) {
            if (!outbox.exists(id)) {
                throw new NotFoundException("No outbox message " + id);
            }
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Only a FAILED message can be retried");
        }
        return new RetryBody(id, Outbox.Status.PENDING);
    }

    private static Outbox.Status parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Outbox.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status must be one of " + List.of(Outbox.Status.values()));
        }
    }
}
