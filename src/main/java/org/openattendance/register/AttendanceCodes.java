package org.openattendance.register;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The attendance codes, read once from the database (where the Flyway migration loaded the CSV). */
@Component
public class AttendanceCodes {

    private final Map<String, AttendanceCode> byCode;

    AttendanceCodes(JdbcTemplate jdbc) {
        var codes = new LinkedHashMap<String, AttendanceCode>();
        jdbc.query("select code, category, counts_as_possible, counts_as_attended, counts_toward_penalty_threshold, meaning "
                        + "from attendance_code order by category, code",
                rs -> {
                    codes.put(rs.getString(1), new AttendanceCode(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            rs.getBoolean(4), rs.getBoolean(5), rs.getString(6)));
                });
        this.byCode = Map.copyOf(codes);
    }

    public Optional<AttendanceCode> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean isKnown(String code) {
        return byCode.containsKey(code);
    }

    public Collection<AttendanceCode> all() {
        return byCode.values();
    }
}
