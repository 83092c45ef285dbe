package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.openattendance.shared.BritishDates;
import org.openattendance.shared.London;
import org.openattendance.shared.Session;
import org.springframework.stereotype.Component;

/**
 * The legal records' values in the words staff, parents and magistrates read: statuses, routes, grounds, outcomes,
 * amounts and dates, never the constants' names. The pages use it as {@code @legalWords}; the evidence pack too.
 */
@Component("legalWords")
public class LegalWords {

    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

    public String day(LocalDate date) {
        return date == null ? "" : BritishDates.day(date);
    }

    /** "7 January 2027" for a moment, in London. */
    public String day(Instant at) {
        return at == null ? "" : BritishDates.DAY.format(at.atZone(London.ZONE));
    }

    /** "7 January 2027, 14:05". */
    public String when(Instant at) {
        return at == null ? "" : BritishDates.WHEN.format(at.atZone(London.ZONE));
    }

    /** "Thursday 7 January 2027". */
    public String weekday(LocalDate date) {
        return date == null ? "" : BritishDates.WEEKDAY.format(date);
    }

    /** A message with its ISO dates ("2027-01-04") in words ("4 January 2027"). */
    public static String plainDates(String text) {
        if (text == null) {
            return null;
        }
        var matcher = ISO_DATE.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    BritishDates.day(LocalDate.parse(matcher.group()))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public String money(BigDecimal amount) {
        return Money.print(amount);
    }

    public String session(NoticeSession session) {
        return BritishDates.WEEKDAY.format(session.date()) + ", " + (session.session() == Session.AM ? "morning" : "afternoon");
    }

    public String sessionPart(Session session) {
        return session == Session.AM ? "Morning" : "Afternoon";
    }

    /** "12 sessions from 4 to 15 January 2027" for a list of sessions. */
    public String sessionsSpan(List<NoticeSession> sessions) {
        if (sessions.isEmpty()) {
            return "no sessions";
        }
        var sorted = sessions.stream().sorted().toList();
        return sorted.size() + (sorted.size() == 1 ? " session on " + day(sorted.get(0).date())
                : " sessions from " + BritishDates.range(sorted.get(0).date(), sorted.get(sorted.size() - 1).date()));
    }

    public String kind(EvidenceKind kind) {
        return switch (kind) {
            case LETTER -> "Letter";
            case MEETING -> "Meeting";
            case SUPPORT -> "Support";
            case NOTICE_TO_IMPROVE -> "Notice to Improve";
            case OTHER -> "Other";
        };
    }

    public String status(PenaltyNoticeStatus status) {
        return switch (status) {
            case ISSUED -> "Issued: waiting for payment";
            case PAID -> "Paid";
            case UNPAID -> "Not paid in time: the LA decides";
            case WITHDRAWN -> "Withdrawn";
            case PROSECUTED -> "Prosecuted";
        };
    }

    /** The GOV.UK tag colour of a notice's status. */
    public String tag(PenaltyNoticeStatus status) {
        return switch (status) {
            case ISSUED -> "govuk-tag--blue";
            case PAID -> "govuk-tag--green";
            case UNPAID -> "govuk-tag--red";
            case WITHDRAWN -> "govuk-tag--grey";
            case PROSECUTED -> "govuk-tag--purple";
        };
    }

    public String status(RequestStatus status) {
        return switch (status) {
            case SUBMITTED -> "With the LA for a decision";
            case MORE_INFORMATION_REQUESTED -> "The LA asked the school for more information";
            case APPROVED -> "Approved";
            case REFUSED -> "Refused";
        };
    }

    public String tag(RequestStatus status) {
        return switch (status) {
            case SUBMITTED -> "govuk-tag--blue";
            case MORE_INFORMATION_REQUESTED -> "govuk-tag--yellow";
            case APPROVED -> "govuk-tag--green";
            case REFUSED -> "govuk-tag--red";
        };
    }

    public String route(RequestRoute route) {
        return route == null ? "" : switch (route) {
            case NOT_IMPROVED_AFTER_NOTICE -> "Attendance did not improve enough after a Notice to Improve";
            case TERM_TIME_HOLIDAY -> "A term-time holiday (no Notice to Improve needed)";
        };
    }

    public String service(ServiceMethod method) {
        return method == null ? "" : switch (method) {
            case FIRST_CLASS_POST -> "Posted first class";
            case SECOND_CLASS_POST -> "Posted second class";
            case BY_HAND -> "Handed to the parent";
        };
    }

    public String ground(WithdrawalGround ground) {
        return ground == null ? "" : ground.label();
    }

    public String occasion(int occasion) {
        return occasion == 1 ? "First notice to this parent for this child in 3 years"
                : "Second notice to this parent for this child in 3 years";
    }

    public String outcome(RequestParent parent) {
        if (parent.outcome() == null) {
            return "Waiting for the LA's decision";
        }
        return switch (parent.outcome()) {
            case NOTICE_ISSUED -> "Notice issued";
            case THIRD_OCCASION -> "No notice: it would be the third occasion in 3 years (the LA decides the route)";
        };
    }

    public String status(NoticeToImproveStatus status) {
        return switch (status) {
            case OPEN -> "Improvement period running";
            case IMPROVED -> "Attendance improved enough";
            case NOT_IMPROVED -> "Attendance did not improve enough";
        };
    }

    public String tag(NoticeToImproveStatus status) {
        return switch (status) {
            case OPEN -> "govuk-tag--blue";
            case IMPROVED -> "govuk-tag--green";
            case NOT_IMPROVED -> "govuk-tag--red";
        };
    }

    public String nextStep(NextStep step) {
        return step == null ? "" : switch (step) {
            case REQUEST_PENALTY_NOTICE -> "The school asks the LA for a penalty notice";
            case NO_REQUEST -> "No penalty notice requested";
        };
    }

    public String issuer(Issuer issuer) {
        return issuer == Issuer.LA ? "The local authority" : "The school";
    }

    public String status(ContractStatus status) {
        return switch (status) {
            case OFFERED -> "Offered: waiting for the parents";
            case AGREED -> "Agreed: running";
            case DECLINED -> "Declined by the parents";
            case ENDED -> "Ended";
        };
    }

    public String outcome(ContractOutcome outcome) {
        return outcome == null ? "" : switch (outcome) {
            case KEPT -> "Kept: attendance improved";
            case NOT_KEPT -> "Not kept";
            case DECLINED -> "Declined";
            case ENDED_EARLY -> "Ended early";
        };
    }

    public String decision(EsoConsideration.Decision decision) {
        return decision == EsoConsideration.Decision.APPLY ? "The LA applies for an education supervision order"
                : "Considered: the LA does not apply for an education supervision order";
    }

    public String status(ProsecutionStatus status) {
        return switch (status) {
            case PREPARING -> "Preparing the file";
            case AT_COURT -> "At court";
            case CONCLUDED -> "Concluded";
            case STOPPED -> "Stopped";
        };
    }

    public String offence(Offence offence) {
        return offence == null ? "" : switch (offence) {
            case S444_1 -> "Section 444(1) of the Education Act 1996 (failure to secure regular attendance; fine up to "
                    + Money.print(offence.maximumFine()) + ")";
            case S444_1A -> "Section 444(1A) of the Education Act 1996 (knowing failure; fine up to "
                    + Money.print(offence.maximumFine()) + " and/or up to 3 months in prison)";
        };
    }

    public String route(CourtRoute route) {
        return route == null ? "" : route == CourtRoute.SJP ? "Single Justice Procedure" : "A hearing in open court";
    }

    public String kind(CourtDate.Kind kind) {
        return kind == CourtDate.Kind.SET ? "Hearing set" : "Hearing adjourned";
    }

    public String outcome(Prosecution.Outcome outcome) {
        return outcome == null ? "" : Prosecutions.describe(outcome);
    }
}
