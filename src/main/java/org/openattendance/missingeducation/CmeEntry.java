package org.openattendance.missingeducation;

import java.time.LocalDate;
import java.util.List;

/** A child on the LA's register of children missing education, with the enquiries made so far. */
public record CmeEntry(long id, long pupilId, String upn, String forename, String surname, String schoolUrn,
                       String schoolName, String laCode, LocalDate referredOn, Source source, String reason,
                       LocalDate reviewDue, Outcome outcome, String outcomeDetail, LocalDate closedOn,
                       List<Enquiry> enquiries) {

    public enum Source {
        CASE_LADDER("School's referral (no contact)"), DELETION("Deleted from roll");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the enquiries found; every outcome but "still missing" takes the child off the open register. */
    public enum Outcome {
        FOUND_AT_SCHOOL("Found: back at the school"),
        FOUND_OTHER_SCHOOL("Found: on roll at another school"),
        HOME_EDUCATED("Found: educated at home"),
        MOVED_ABROAD("Moved abroad"),
        MOVED_OTHER_LA("Moved to another LA (referred to it)"),
        STILL_MISSING("Still missing: enquiries continue");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean closes() {
            return this != STILL_MISSING;
        }
    }

    public record Enquiry(LocalDate madeOn, String enquiry, String recordedBy) {
    }

    public boolean isOpen() {
        return closedOn == null;
    }

    public boolean isOverdue(LocalDate today) {
        return isOpen() && today.isAfter(reviewDue);
    }
}
