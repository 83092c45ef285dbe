package org.openattendance.legal;

import java.util.List;

/**
 * What the case holds for a request over its qualifying period: the sessions that count toward the penalty threshold
 * and are not yet tied to a notice, the sessions still coded N, how many school weeks the period spans, the pupil's
 * latest Notice to Improve, the letters, meetings and support on record, and, for a holiday, the deadline.
 */
public record RequestEvidence(List<NoticeSession> qualifyingSessions, List<NoticeSession> unexplainedSessions,
                              int schoolWeeks, NoticeToImprove noticeToImprove, List<EvidenceItem> items,
                              HolidayDeadline holiday) {

    public RequestEvidence {
        qualifyingSessions = List.copyOf(qualifyingSessions);
        unexplainedSessions = List.copyOf(unexplainedSessions);
        items = List.copyOf(items);
    }

    public List<EvidenceItem> of(EvidenceKind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    public boolean hasHolidaySessions() {
        return qualifyingSessions.stream().anyMatch(s -> "G".equals(s.code()));
    }
}
