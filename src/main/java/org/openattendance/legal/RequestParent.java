package org.openattendance.legal;

import java.util.UUID;

/**
 * A parent the school asks a notice for, with what the LA's approval did for them: a notice, or none because it
 * would be the third occasion in three years.
 */
public record RequestParent(NoticeParent parent, Outcome outcome, Integer earlierNotices, UUID noticeId) {

    public enum Outcome {
        NOTICE_ISSUED, THIRD_OCCASION
    }

    static RequestParent asked(NoticeParent parent) {
        return new RequestParent(parent, null, null, null);
    }
}
