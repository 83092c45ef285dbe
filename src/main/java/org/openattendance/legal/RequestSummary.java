package org.openattendance.legal;

import java.util.function.Function;

/** A request for a penalty notice in plain English, as the LA's decision task shows it. */
final class RequestSummary {

    private RequestSummary() {
    }

    static String of(PenaltyNoticeRequest r, Function<NoticeParent, LegalPolicy.RightToIssue> rightToIssue) {
        var text = new StringBuilder();
        text.append(r.route() == RequestRoute.TERM_TIME_HOLIDAY ? "A term-time holiday" : "Not improved after a Notice to Improve")
                .append(". Qualifying period ").append(LegalLetters.day(r.periodFrom())).append(" to ")
                .append(LegalLetters.day(r.periodTo())).append(": ").append(r.sessions().size())
                .append(" sessions (").append(LegalLetters.sessions(r.sessions())).append(").");
        if (r.holiday() != null) {
            text.append(" Back at school on ").append(LegalLetters.day(r.holiday().returnDate()))
                    .append("; the request was due by ").append(LegalLetters.day(r.holiday().deadline()))
                    .append(r.late() ? " and is LATE." : " and is in time.");
        }
        text.append(" Parents: ");
        boolean first = true;
        for (RequestParent p : r.parents()) {
            var right = rightToIssue.apply(p.parent());
            text.append(first ? "" : "; ").append(p.parent().name()).append(", born ")
                    .append(LegalLetters.day(p.parent().dateOfBirth())).append(", ").append(p.parent().address())
                    .append(" (").append(PenaltyNotices.describe(right)).append(")");
            first = false;
        }
        text.append(". Evidence: ");
        first = true;
        for (EvidenceItem item : r.evidence()) {
            text.append(first ? "" : "; ").append(item.on() == null ? "" : LegalLetters.day(item.on()) + ": ")
                    .append(item.text());
            first = false;
        }
        if (r.evidence().isEmpty()) {
            text.append("none on record");
        }
        text.append(". The school says: ").append(r.schoolStatement());
        if (r.informationSupplied() != null) {
            text.append(" Information supplied at the LA's request: ").append(r.informationSupplied());
        }
        return text.toString();
    }
}
