package org.openattendance.attendance.calculator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openattendance.shared.Session;

/**
 * One school's open sessions, for as many academic years as were supplied: term weekdays minus
 * closures (whole days or single sessions). A school day has at least one open session; a school
 * week (Monday to Sunday) has at least one school day. Immutable.
 */
public final class SessionCalendar {

    static final long NO_DAY = Long.MIN_VALUE;
    private static final byte AM_BIT = 1;
    private static final byte PM_BIT = 2;
    private static final byte BOTH = AM_BIT | PM_BIT;

    private final long firstDay;
    private final byte[] open;
    private final long[] schoolWeekMondays;

    private SessionCalendar(long firstDay, byte[] open) {
        this.firstDay = firstDay;
        this.open = open;
        this.schoolWeekMondays = findSchoolWeeks(firstDay, open);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isOpen(LocalDate date, Session session) {
        return (openMask(date.toEpochDay()) & bit(session)) != 0;
    }

    public boolean isSchoolDay(LocalDate date) {
        return openMask(date.toEpochDay()) != 0;
    }

    /** Whether the Monday-to-Sunday week containing {@code date} has a school session. */
    public boolean isSchoolWeek(LocalDate date) {
        return Arrays.binarySearch(schoolWeekMondays, mondayOf(date.toEpochDay())) >= 0;
    }

    /** School days from {@code from} to {@code to}, both inclusive. */
    public int countSchoolDays(LocalDate from, LocalDate to) {
        int days = 0;
        for (long day = Math.max(from.toEpochDay(), firstDay); day <= Math.min(to.toEpochDay(), lastDay()); day++) {
            if (openMask(day) != 0) {
                days++;
            }
        }
        return days;
    }

    /** Open sessions from {@code from} to {@code to}, both inclusive. */
    public int countOpenSessions(LocalDate from, LocalDate to) {
        int sessions = 0;
        for (long day = Math.max(from.toEpochDay(), firstDay); day <= Math.min(to.toEpochDay(), lastDay()); day++) {
            sessions += Integer.bitCount(openMask(day));
        }
        return sessions;
    }

    /** The n-th school day after {@code date} (n >= 1), or empty if the calendar ends first. */
    public Optional<LocalDate> plusSchoolDays(LocalDate date, int schoolDays) {
        if (schoolDays < 1) {
            throw new IllegalArgumentException("schoolDays must be at least 1, got " + schoolDays);
        }
        int found = 0;
        for (long day = Math.max(date.toEpochDay() + 1, firstDay); day <= lastDay(); day++) {
            if (openMask(day) != 0 && ++found == schoolDays) {
                return Optional.of(LocalDate.ofEpochDay(day));
            }
        }
        return Optional.empty();
    }

    /**
     * This calendar from {@code firstDay} on; before it, only the sessions of the given marks are open (a pupil's
     * previous setting, whose calendar is known only from the marks its register holds).
     */
    public SessionCalendar withEarlierSessions(LocalDate firstDay, Collection<Mark> earlierMarks) {
        long cut = firstDay.toEpochDay();
        long first = firstDay.toEpochDay();
        for (Mark mark : earlierMarks) {
            first = Math.min(first, mark.date().toEpochDay());
        }
        first = Math.min(first, this.firstDay);
        long last = Math.max(lastDay(), cut);
        byte[] combined = new byte[Math.toIntExact(last - first + 1)];
        for (long day = Math.max(cut, this.firstDay); day <= lastDay(); day++) {
            combined[(int) (day - first)] = (byte) openMask(day);
        }
        for (Mark mark : earlierMarks) {
            long day = mark.date().toEpochDay();
            if (day < cut) {
                combined[(int) (day - first)] |= (byte) bit(mark.session());
            }
        }
        return new SessionCalendar(first, combined);
    }

    int openMask(long epochDay) {
        long index = epochDay - firstDay;
        return index < 0 || index >= open.length ? 0 : open[(int) index];
    }

    static int bit(Session session) {
        return session == Session.AM ? AM_BIT : PM_BIT;
    }

    static int bit(int sessionOrdinal) {
        return 1 << sessionOrdinal;
    }

    /** The school day before {@code epochDay}, or {@link #NO_DAY}. */
    long previousSchoolDay(long epochDay) {
        for (long day = Math.min(epochDay - 1, lastDay()); day >= firstDay; day--) {
            if (open[(int) (day - firstDay)] != 0) {
                return day;
            }
        }
        return NO_DAY;
    }

    /** Index of the latest school week starting on or before the week of {@code epochDay}, or -1. */
    int latestSchoolWeekOnOrBefore(long epochDay) {
        int index = Arrays.binarySearch(schoolWeekMondays, mondayOf(epochDay));
        return index >= 0 ? index : -index - 2;
    }

    long schoolWeekMonday(int index) {
        return schoolWeekMondays[index];
    }

    static long mondayOf(long epochDay) {
        // 1970-01-01 (epoch day 0) was a Thursday
        return epochDay - Math.floorMod(epochDay + 3, 7);
    }

    private long lastDay() {
        return firstDay + open.length - 1;
    }

    private static long[] findSchoolWeeks(long firstDay, byte[] open) {
        long[] mondays = new long[open.length / 7 + 2];
        int count = 0;
        for (int i = 0; i < open.length; i++) {
            long monday = mondayOf(firstDay + i);
            if (open[i] != 0 && (count == 0 || mondays[count - 1] != monday)) {
                mondays[count++] = monday;
            }
        }
        return Arrays.copyOf(mondays, count);
    }

    private static boolean isWeekday(long epochDay) {
        return epochDay - mondayOf(epochDay) < 5;
    }

    /** Terms (weekdays only) plus extra open sessions, minus closures; the order of calls does not matter. */
    public static final class Builder {

        private record Term(long first, long last) {
        }

        private final List<Term> terms = new ArrayList<>();
        private final Map<Long, Integer> extraOpen = new HashMap<>();
        private final Map<Long, Integer> closed = new HashMap<>();

        private Builder() {
        }

        /** Every weekday from {@code firstDay} to {@code lastDay} inclusive is open, both sessions. */
        public Builder term(LocalDate firstDay, LocalDate lastDay) {
            if (lastDay.isBefore(firstDay)) {
                throw new IllegalArgumentException("Term ends (" + lastDay + ") before it starts (" + firstDay + ")");
            }
            terms.add(new Term(firstDay.toEpochDay(), lastDay.toEpochDay()));
            return this;
        }

        /** An open session outside the term weekdays, e.g. a Saturday school day. */
        public Builder openSession(LocalDate date, Session session) {
            extraOpen.merge(date.toEpochDay(), bit(Objects.requireNonNull(session)), (a, b) -> a | b);
            return this;
        }

        /** The whole day is closed. */
        public Builder closure(LocalDate date) {
            closed.merge(date.toEpochDay(), (int) BOTH, (a, b) -> a | b);
            return this;
        }

        /** One session is closed. */
        public Builder closure(LocalDate date, Session session) {
            closed.merge(date.toEpochDay(), bit(Objects.requireNonNull(session)), (a, b) -> a | b);
            return this;
        }

        public SessionCalendar build() {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Term term : terms) {
                first = Math.min(first, term.first());
                last = Math.max(last, term.last());
            }
            for (long day : extraOpen.keySet()) {
                first = Math.min(first, day);
                last = Math.max(last, day);
            }
            if (first > last) {
                return new SessionCalendar(0, new byte[0]);
            }
            return new SessionCalendar(first, openSessions(first, last));
        }

        private byte[] openSessions(long first, long last) {
            byte[] open = new byte[Math.toIntExact(last - first + 1)];
            for (Term term : terms) {
                for (long day = term.first(); day <= term.last(); day++) {
                    if (isWeekday(day)) {
                        open[(int) (day - first)] = BOTH;
                    }
                }
            }
            extraOpen.forEach((day, bits) -> open[(int) (day - first)] |= bits);
            closed.forEach((day, bits) -> {
                if (day >= first && day <= last) {
                    open[(int) (day - first)] &= (byte) ~bits;
                }
            });
            return open;
        }
    }
}
