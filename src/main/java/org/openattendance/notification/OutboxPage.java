package org.openattendance.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.openattendance.security.AccessPolicy;
import org.openattendance.shared.London;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For administrators, as the outbox API: how many e-mails are queued, sent and failed; the ones that failed or are
 * being retried, with the last error; a button to send a failed one again.
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxPage {

    /** One troubled message as the page shows it; the recipient in full, as the outbox API shows it. */
    record Row(long id, String recipient, String subject, String status, boolean failed, int attempts,
               String lastError, String nextAttempt, String created) {
    }

    static final int SHOWN = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(London.ZONE);

    private final Outbox outbox;
    private final AccessPolicy access;
    private final Clock clock;

    OutboxPage(Outbox outbox, AccessPolicy access, Clock clock) {
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    @ModelAttribute
    void onlyForAdministrators() {
        access.checkAdmin();
    }

    @GetMapping
    String outbox(Model model) {
        var counts = outbox.counts();
        model.addAttribute("queued", counts.get(Outbox.Status.PENDING));
        model.addAttribute("sent", counts.get(Outbox.Status.SENT));
        model.addAttribute("failed", counts.get(Outbox.Status.FAILED));
        List<Row> rows = outbox.troubled(SHOWN).stream().map(OutboxPage::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("shown", SHOWN);
        return "notification/outbox";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        if (outbox.retry(id, clock.instant())) {
            redirect.addFlashAttribute("success", "E-mail " + id + " is queued to be sent again");
        } else if (outbox.exists(id)) {
            redirect.addFlashAttribute("refused", "E-mail " + id + " has not failed, so it was not queued again");
        } else {
            throw new NotFoundException("No outbox message " + id);
        }
        return "redirect:/admin/outbox";
    }

    private static Row row(Outbox.Entry entry) {
        boolean failed = entry.status() == Outbox.Status.FAILED;
        return new Row(entry.id(), entry.recipient(), entry.subject(), failed ? "Failed" : "Retrying", failed,
                entry.attempts(), entry.lastError() == null ? "" : entry.lastError(),
                failed ? "Not until retried" : when(entry.nextAttemptAt()), when(entry.createdAt()));
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
