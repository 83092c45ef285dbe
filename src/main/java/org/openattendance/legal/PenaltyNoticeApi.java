package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.openattendance.school.Pupil;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A pupil's penalty notices, and recording a payment or a withdrawal (the LA's attendance officers only). */
@RestController
class PenaltyNoticeApi {

    record PaymentBody(BigDecimal amount, LocalDate paidOn, String reference) {
    }

    /** What a payment did: whether the notice is now paid in full, and the notice after it. */
    record PaymentResult(boolean paidInFull, NoticeView notice) {
    }

    record WithdrawBody(String ground, String reason) {
    }

    private final PenaltyNotices notices;
    private final NoticeActions actions;
    private final LegalAccess access;
    private final AuditTrail audit;

    PenaltyNoticeApi(PenaltyNotices notices, NoticeActions actions, LegalAccess access, AuditTrail audit) {
        this.notices = notices;
        this.actions = actions;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/pupils/{upn}/penalty-notices")
    List<NoticeView> ofPupil(@PathVariable String upn) {
        Pupil pupil = access.visiblePupil(upn);
        var found = notices.ofPupil(pupil.getId());
        audit.record(AuditTrail.Action.READ_PUPIL, "penalty-notices", pupil.getUpn(), found.size() + " penalty notices");
        LocalDate today = LegalEngine.today();
        return found.stream().map(n -> NoticeView.of(n, today)).toList();
    }

    @GetMapping("/api/penalty-notices/{number}")
    NoticeView one(@PathVariable String number) {
        PenaltyNotice notice = access.visible(find(number));
        audit.record(AuditTrail.Action.READ_PUPIL, "penalty-notice", notice.upn(), "notice " + notice.number());
        return NoticeView.of(notice, LegalEngine.today());
    }

    @PostMapping("/api/penalty-notices/{number}/payments")
    ResponseEntity<PaymentResult> pay(@PathVariable String number, @RequestBody PaymentBody body) {
        PenaltyNotice notice = access.visible(find(number));
        access.checkLaOfficer(notice.laCode());
        if (body == null) {
            throw new InvalidInputException("Send {amount, paidOn, reference}");
        }
        var result = actions.recordPayment(notice.number(), body.amount(), body.paidOn(), body.reference(),
                access.user().username());
        PenaltyNotice after = notices.findByNumber(notice.number()).orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(new PaymentResult(result.paidInFull(),
                NoticeView.of(after, LegalEngine.today())));
    }

    @PostMapping("/api/penalty-notices/{number}/withdraw")
    NoticeView withdraw(@PathVariable String number, @RequestBody WithdrawBody body) {
        PenaltyNotice notice = access.visible(find(number));
        access.checkLaOfficer(notice.laCode());
        if (body == null) {
            throw new InvalidInputException("Send {ground, reason}");
        }
        return NoticeView.of(actions.withdraw(notice.number(), ground(body.ground()), body.reason(),
                access.user().username()), LegalEngine.today());
    }

    private PenaltyNotice find(String number) {
        return notices.findByNumber(number).orElseThrow(() -> new NotFoundException("No penalty notice " + number));
    }

    private static WithdrawalGround ground(String ground) {
        if (ground == null || ground.isBlank()) {
            return null;
        }
        try {
            return WithdrawalGround.valueOf(ground.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The notice cannot be withdrawn", List.of(new InvalidInputException.Problem(
                    "ground", "'" + ground + "' is not a ground for withdrawal; use one of " + List.of(WithdrawalGround.values()))));
        }
    }
}
