package org.openattendance.attendance.calculator;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import org.openattendance.shared.Session;

/**
 * One pupil's marks packed into a sorted long[]: ((epochDay * 2 + session) << 16) | codeId.
 * Sorting primitives keeps indexing to one small allocation per pupil.
 */
final class IndexedMarks {

    private static final int CODE_BITS = 16;
    private static final long CODE_MASK = (1L << CODE_BITS) - 1;

    private final long[] keys;

    private IndexedMarks(long[] keys) {
        this.keys = keys;
    }

    /**
     * @throws IllegalArgumentException for an unknown code or two marks for the same session
     */
    static IndexedMarks of(Collection<Mark> marks, CodeTable codes) {
        long[] keys = new long[marks.size()];
        int i = 0;
        for (Mark mark : marks) {
            long slot = mark.date().toEpochDay() * 2 + mark.session().ordinal();
            keys[i++] = slot << CODE_BITS | codes.idOf(mark.code());
        }
        Arrays.sort(keys);
        for (int k = 1; k < keys.length; k++) {
            if (keys[k] >> CODE_BITS == keys[k - 1] >> CODE_BITS) {
                throw new IllegalArgumentException("Two marks for the same session: "
                        + LocalDate.ofEpochDay(dayOf(keys[k])) + " " + Session.values()[sessionOf(keys[k])]);
            }
        }
        return new IndexedMarks(keys);
    }

    int size() {
        return keys.length;
    }

    long day(int index) {
        return dayOf(keys[index]);
    }

    int sessionOrdinal(int index) {
        return sessionOf(keys[index]);
    }

    int codeId(int index) {
        return (int) (keys[index] & CODE_MASK);
    }

    int firstIndexOnOrAfter(long epochDay) {
        long target = (epochDay * 2) << CODE_BITS;
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (keys[mid] < target) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    int firstIndexAfter(long epochDay) {
        return firstIndexOnOrAfter(epochDay + 1);
    }

    /** Marks from {@code fromDay} to {@code toDay} inclusive whose code is in the mask. */
    int count(long fromDay, long toDay, boolean[] codeMask) {
        int count = 0;
        for (int i = firstIndexOnOrAfter(fromDay), end = firstIndexAfter(toDay); i < end; i++) {
            if (codeMask[codeId(i)]) {
                count++;
            }
        }
        return count;
    }

    /** The day of every mark whose code is in the mask, ascending (one entry per session). */
    long[] daysMatching(boolean[] codeMask) {
        long[] days = new long[keys.length];
        int count = 0;
        for (int i = 0; i < keys.length; i++) {
            if (codeMask[codeId(i)]) {
                days[count++] = day(i);
            }
        }
        return Arrays.copyOf(days, count);
    }

    private static long dayOf(long key) {
        return key >> (CODE_BITS + 1);
    }

    private static int sessionOf(long key) {
        return (int) ((key >> CODE_BITS) & 1);
    }
}
