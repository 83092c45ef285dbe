package db.migration;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the statutory attendance codes from register/attendance-codes.csv, the file shipped with the
 * application, so the codes are data rather than code.
 */
public class V2__Load_attendance_codes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var csv = getClass().getResourceAsStream("/register/attendance-codes.csv");
        if (csv == null) {
            throw new IllegalStateException("register/attendance-codes.csv is missing from the classpath");
        }
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
             PreparedStatement insert = context.getConnection().prepareStatement(
                     "insert into attendance_code (code, category, counts_as_possible, counts_as_attended, "
                             + "counts_toward_penalty_threshold, meaning) values (?, ?, ?, ?, ?, ?)")) {
            for (CSVRecord row : format.parse(reader)) {
                insert.setString(1, row.get("code"));
                insert.setString(2, row.get("category"));
                insert.setBoolean(3, Boolean.parseBoolean(row.get("counts_as_possible")));
                insert.setBoolean(4, Boolean.parseBoolean(row.get("counts_as_attended")));
                insert.setBoolean(5, Boolean.parseBoolean(row.get("counts_toward_penalty_threshold")));
                insert.setString(6, row.get("meaning"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
