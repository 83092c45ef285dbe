package org.openattendance.attendance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The thresholds each pupil has crossed ({@code attendance_signal_crossing}, unique per pupil, year, kind and
 * crossing): a signal is published only by the transaction that records its crossing first, so the same crossing
 * never opens the same task twice, whichever node or redelivery detects it again.
 */
@Repository
class SignalCrossings {

    private final JdbcTemplate jdbc;

    SignalCrossings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many times each pupil recovered above the thresholds this year (pupils who never did are missing). */
    Map<Long, Integer> recoveries(List<Long> pupilIds, String academicYear) {
        var found = new HashMap<Long, Integer>();
        jdbc.query("select pupil_id, count(*) from attendance_signal_crossing where academic_year = ? and kind = ? "
                        + "and pupil_id = any(?) group by pupil_id",
                rs -> {
                    found.put(rs.getLong(1), rs.getInt(2));
                }, academicYear, SignalKind.ATTENDANCE_RECOVERED.name(), pupilIds.toArray(Long[]::new));
        return found;
    }

    /** Records the crossings; answers those recorded now for the first time (the rest were signalled before). */
    List<AttendanceSignal> recordFirst(List<AttendanceSignal> signals) {
        if (signals.isEmpty()) {
            return List.of();
        }
        int size = signals.size();
        Long[] pupils = new Long[size];
        String[] years = new String[size];
        String[] kinds = new String[size];
        String[] crossings = new String[size];
        for (int i = 0; i < size; i++) {
            var signal = signals.get(i);
            pupils[i] = signal.pupilId();
            years[i] = signal.academicYear();
            kinds[i] = signal.kind().name();
            crossings[i] = signal.crossing();
        }
        Set<String> recorded = new HashSet<>();
        jdbc.query("insert into attendance_signal_crossing (pupil_id, academic_year, kind, crossing) "
                        + "select * from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[]) "
                        + "on conflict do nothing returning pupil_id, kind, crossing",
                rs -> {
                    recorded.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }, pupils, years, kinds, crossings);
        var first = new ArrayList<AttendanceSignal>(recorded.size());
        for (var signal : signals) {
            if (recorded.contains(signal.pupilId() + "|" + signal.kind().name() + "|" + signal.crossing())) {
                first.add(signal);
            }
        }
        return first;
    }
}
