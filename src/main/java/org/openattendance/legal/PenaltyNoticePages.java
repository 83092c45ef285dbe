package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.notification.Letters;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.openattendance.shared.web.Choice;
import org.openattendance.shared.web.DateEntry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A penalty notice's page: the parent, what is due by when, how and when it was served, the sessions, its letters,
 * payments and any prosecution; and for the LA's attendance officers, recording a payment (amount, date paid,
 * reference) and withdrawing the notice on a listed ground with a reason. Whoever may see the pupil sees the notice
 * (404 otherwise); every view is audited; the actions reach the notice's process as the API's do.
 */
@Controller
class PenaltyNoticePages {

    /** What is due if paid by a date, as the notice's page lists it. */
    record Due(String when, String amount, boolean now) {
    }

    /** A letter about the notice, with how it went to each parent. */
    record LetterRow(String id, String subject, String sent, List<String> deliveries) {
    }

    record PageProblem(String field, String text) {
    }

    private final PenaltyNotices notices;
    private final NoticeActions actions;
    private final Prosecutions prosecutions;
    private final LegalAccess access;
    private final SchoolDirectory directory;
    private final Letters letters;
    private final AuditTrail audit;
    private final LegalWords words = new LegalWords();

    PenaltyNoticePages(PenaltyNotices notices, NoticeActions actions, Prosecutions prosecutions, LegalAccess access,
                       SchoolDirectory directory, Letters letters, AuditTrail audit) {
        this.notices = notices;
        this.actions = actions;
        this.prosecutions = prosecutions;
        this.access = access;
        this.directory = directory;
        this.letters = letters;
        this.audit = audit;
    }

    @GetMapping("/penalty-notices/{number}")
    String show(@PathVariable String number, Model model) {
        PenaltyNotice notice = find(number);
        audit.readPupil(notice.upn(), "penalty-notice", notice.number(), "notice page");
        return page(model, notice, DateEntry.of(null), "", "", null, "", List.of());
    }

    @PostMapping("/penalty-notices/{number}/payments")
    String pay(@PathVariable String number, HttpServletRequest http, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        PenaltyNotice notice = find(number);
        access.checkLaOfficer(notice.laCode());
        String amountText = text(http, "amount").replace("£", "").replace(",", "").strip();
        DateEntry paidOn = DateEntry.of(http.getParameter("paidOn-day"), http.getParameter("paidOn-month"),
                http.getParameter("paidOn-year"));
        String reference = text(http, "reference");
        var problems = new ArrayList<PageProblem>();
        BigDecimal amount = null;
        if (amountText.isEmpty()) {
            problems.add(new PageProblem("amount", "Enter the amount paid"));
        } else {
            try {
                amount = new BigDecimal(amountText);
            } catch (NumberFormatException e) {
                problems.add(new PageProblem("amount", "The amount must be in pounds and pence, like 80.00"));
            }
        }
        if (paidOn.isEmpty()) {
            problems.add(new PageProblem("paidOn", "Enter the date the payment was made"));
        } else if (!paidOn.isValid()) {
            problems.add(new PageProblem("paidOn", paidOn.message("The date paid")));
        }
        if (problems.isEmpty()) {
            try {
                var result = actions.recordPayment(notice.number(), amount, paidOn.date(), reference,
                        access.user().username());
                redirect.addFlashAttribute("done", "Payment of " + words.money(result.payment().amount()) + " recorded. "
                        + (result.paidInFull() ? "The notice is paid in full."
                        : "Still due: " + words.money(result.amountDue()) + "."));
                return "redirect:/penalty-notices/" + notice.number();
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(new PageProblem(p.where(), paymentSentence(p))));
            } catch (LegalConflictException e) {
                problems.add(new PageProblem("", e.getMessage()));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, find(number), paidOn, text(http, "amount"), reference, null, "", problems);
    }

    @PostMapping("/penalty-notices/{number}/withdrawal")
    String withdraw(@PathVariable String number, HttpServletRequest http, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        PenaltyNotice notice = find(number);
        access.checkLaOfficer(notice.laCode());
        String groundText = text(http, "ground");
        String reason = text(http, "reason");
        var problems = new ArrayList<PageProblem>();
        WithdrawalGround ground = Arrays.stream(WithdrawalGround.values()).filter(g -> g.name().equals(groundText))
                .findFirst().orElse(null);
        if (ground == null) {
            problems.add(new PageProblem("ground-0", "Select the ground for withdrawing the notice"));
        }
        if (reason.isBlank()) {
            problems.add(new PageProblem("reason", "Enter why the notice is withdrawn: the parent's letter says so"));
        }
        if (problems.isEmpty()) {
            try {
                actions.withdraw(notice.number(), ground, reason, access.user().username());
                redirect.addFlashAttribute("done", "Notice " + notice.number() + " withdrawn. A letter tells the parent.");
                return "redirect:/penalty-notices/" + notice.number();
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> problems.add(new PageProblem("ground".equals(p.where()) ? "ground-0" : p.where(),
                        "The " + ("ground".equals(p.where()) ? "ground " : "reason ") + p.message())));
            } catch (LegalConflictException e) {
                problems.add(new PageProblem("", e.getMessage()));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, find(number), DateEntry.of(null), "", "", ground, reason, problems);
    }

    private String page(Model model, PenaltyNotice notice, DateEntry paidOn, String amount, String reference,
                        WithdrawalGround ground, String reason, List<PageProblem> problems) {
        LocalDate today = LegalEngine.today();
        Pupil pupil = directory.pupil(notice.upn()).orElseThrow();
        StaffUser user = access.user();
        boolean laOfficer = user.has(Role.LA_OFFICER) && notice.laCode().equals(user.laCode());
        model.addAttribute("n", notice);
        model.addAttribute("pupil", pupil);
        model.addAttribute("school", directory.school(notice.schoolUrn()).map(School::getName).orElse(notice.schoolUrn()));
        model.addAttribute("amountDue", notice.amountDue(today));
        model.addAttribute("dues", dues(notice, today));
        model.addAttribute("letters", letters(notice));
        model.addAttribute("prosecutions", prosecutions.ofPupil(notice.pupilId()).stream()
                .filter(p -> notice.id().equals(p.noticeId())).toList());
        boolean open = notice.status() != PenaltyNoticeStatus.PAID && notice.status() != PenaltyNoticeStatus.WITHDRAWN;
        model.addAttribute("canPay", laOfficer && open);
        model.addAttribute("canWithdraw", laOfficer && open);
        model.addAttribute("paidOn", paidOn);
        model.addAttribute("amount", amount);
        model.addAttribute("reference", reference);
        model.addAttribute("groundOptions", Arrays.stream(WithdrawalGround.values())
                .map(g -> new Choice(g.name(), g.label(), g == ground)).toList());
        model.addAttribute("reason", reason);
        model.addAttribute("problems", problems);
        model.addAttribute("summary", ErrorSummary.of(problems, PageProblem::field, PageProblem::text));
        var errors = new LinkedHashMap<String, String>();
        problems.forEach(p -> errors.putIfAbsent(p.field(), p.text()));
        model.addAttribute("errors", errors);
        return "legal/notice";
    }

    /** What a payment would have to be, by date: the reduced amount while it lasts, then the full amount. */
    private List<Due> dues(PenaltyNotice n, LocalDate today) {
        var dues = new ArrayList<Due>();
        if (n.fullBy() == null) {
            dues.add(new Due("Until it is served", (n.terms().hasReduction() ? words.money(n.terms().reducedAmount())
                    + " (the reduced amount, " + n.terms().reducedWithinDays() + " days from receipt)"
                    : words.money(n.terms().fullAmount())), true));
            return dues;
        }
        if (n.reducedBy() != null) {
            dues.add(new Due("Paid by " + words.day(n.reducedBy()) + " (" + n.terms().reducedWithinDays() + " days from receipt)",
                    words.money(n.terms().reducedAmount()), !today.isAfter(n.reducedBy())));
            dues.add(new Due("Paid from " + words.day(n.reducedBy().plusDays(1)) + " to " + words.day(n.fullBy()),
                    words.money(n.terms().fullAmount()), today.isAfter(n.reducedBy()) && !today.isAfter(n.fullBy())));
        } else {
            dues.add(new Due("Paid by " + words.day(n.fullBy()) + " (" + n.terms().fullWithinDays() + " days from receipt)",
                    words.money(n.terms().fullAmount()), !today.isAfter(n.fullBy())));
        }
        dues.add(new Due("Not paid by " + words.day(n.fullBy()), "The LA prosecutes or withdraws the notice",
                today.isAfter(n.fullBy())));
        return dues;
    }

    private List<LetterRow> letters(PenaltyNotice notice) {
        var deliveries = letters.deliveries(notice.pupilId());
        return letters.ofPupil(notice.pupilId()).stream().filter(l -> l.subject().contains(notice.number()))
                .map(l -> new LetterRow(l.id().toString(), l.subject(), words.when(l.createdAt()),
                        deliveries.getOrDefault(l.id(), List.of()).stream().map(PenaltyNoticePages::delivery).toList()))
                .toList();
    }

    static String delivery(Letters.Delivery d) {
        if (!d.byEmail()) {
            return d.parentName() + ": on paper, printed to post or hand over";
        }
        String how = d.parentName() + ": by e-mail to " + d.email();
        if ("SENT".equals(d.emailStatus()) && d.emailedAt() != null) {
            return how + ", sent " + new LegalWords().when(d.emailedAt());
        }
        return how + ("FAILED".equals(d.emailStatus()) ? ", not delivered (the mail server refused it)" : ", waiting to be sent");
    }

    private PenaltyNotice find(String number) {
        return access.visible(notices.findByNumber(number)
                .orElseThrow(() -> new NotFoundException("No penalty notice " + number)));
    }

    private static String paymentSentence(InvalidInputException.Problem p) {
        String subject = switch (p.where()) {
            case "amount" -> "The amount";
            case "paidOn" -> "The date paid";
            case "reference" -> "The reference";
            default -> "The payment";
        };
        return subject + " " + LegalWords.plainDates(p.message());
    }

    private static String text(HttpServletRequest http, String name) {
        String value = http.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
