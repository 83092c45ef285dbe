package org.openattendance.legal;

import java.util.List;
import java.util.Map;

/**
 * A request for a penalty notice as its pages show it: the request, the pupil's and school's names, what the policy
 * allows each parent while the LA has not decided, and the notices the approval issued.
 */
public record PenaltyRequestView(PenaltyNoticeRequest request, String pupilName, String schoolName,
                                 Map<String, String> rights, List<PenaltyNotice> notices) {

    /** What the policy allows this parent today, in words, while the request waits for the LA; else null. */
    public String right(RequestParent parent) {
        return rights.get(parent.parent().key());
    }

    /** The notice issued to this parent on the request, or null. */
    public PenaltyNotice notice(RequestParent parent) {
        return parent.noticeId() == null ? null
                : notices.stream().filter(n -> n.id().equals(parent.noticeId())).findFirst().orElse(null);
    }

    public List<EvidenceItem> evidence(EvidenceKind kind) {
        return request.evidence().stream().filter(i -> i.kind() == kind).toList();
    }
}
