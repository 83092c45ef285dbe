package org.openattendance.returns;

import java.time.Instant;
import java.time.LocalDate;
import org.openattendance.shared.London;

/** A return a school owes its LA: what it is about, when it fell due and when (if yet) it was made. */
public record LaReturn(long id, Kind kind, long pupilId, String upn, String forename, String surname, String schoolUrn,
                       String schoolName, String laCode, LocalDate eventDate, LocalDate dueDate, Instant madeAt,
                       String madeBy, String details, Status status) {

    public enum Kind {
        NEW_PUPIL("New pupil"), DELETION("Deletion from roll");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        DUE("Due"), OVERDUE("Overdue"), ON_TIME("Made on time"), LATE("Made late");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Status of(LocalDate dueDate, Instant madeAt, LocalDate today) {
            if (madeAt == null) {
                return today.isAfter(dueDate) ? OVERDUE : DUE;
            }
            return LocalDate.ofInstant(madeAt, London.ZONE).isAfter(dueDate) ? LATE : ON_TIME;
        }
    }

    public boolean isMade() {
        return madeAt != null;
    }
}
