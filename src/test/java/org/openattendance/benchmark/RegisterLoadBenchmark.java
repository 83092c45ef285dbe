package org.openattendance.benchmark;

import static org.openattendance.benchmark.BenchmarkSupport.RECORDER;
import static org.openattendance.benchmark.BenchmarkSupport.YEAR;
import static org.openattendance.benchmark.BenchmarkSupport.print;
import static org.openattendance.benchmark.BenchmarkSupport.seconds;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openattendance.attendance.AttendanceSnapshots;
import org.openattendance.register.RegisterLoadResult;
import org.openattendance.register.RegisterLoader;
import org.openattendance.register.RegisterUploadParser;
import org.openattendance.school.Phase;
import org.openattendance.school.School;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.SchoolData;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.London;
import org.openattendance.shared.Session;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * LA-scale register load, run with {@code mvn -Pbenchmark verify} (see docs/performance.md). Not a timed test:
 * it asserts nothing about time, it prints figures. For every school it generates a full academic year of
 * marks as CSV, loads it through the API's code path (parser and loader), and copies the same rows into a bare
 * table with PostgreSQL's COPY, so both rates come from the same run on the same data. Then it recalculates
 * every pupil's snapshot.
 */
@SpringBootTest(properties = {"openattendance.attendance.recalculate-after-load=false", "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true",
        "logging.level.org.openattendance=warn"})
@ActiveProfiles("test")
class RegisterLoadBenchmark {

    static final int PUPILS = Integer.getInteger("benchmark.pupils", 50_000);
    static final int PUPILS_PER_SCHOOL = Integer.getInteger("benchmark.pupilsPerSchool", 1_000);

    @TestConfiguration
    static class EndOfYearClock {
        @Bean
        @Primary
        Clock endOfYear() {
            return Clock.fixed(LocalDate.of(2026, 7, 31).atTime(18, 0).atZone(London.ZONE).toInstant(),
                    London.ZONE);
        }
    }

    @Autowired
    SchoolAdministration schools;
    @Autowired
    SchoolCalendars calendars;
    @Autowired
    RegisterLoader loader;
    @Autowired
    RegisterUploadParser parser;
    @Autowired
    AttendanceSnapshots snapshots;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    final Random random = new Random(20261123);

    @Test
    void loadAnLaScaleRegister() throws Exception {
        int schoolCount = Math.max(1, PUPILS / PUPILS_PER_SCHOOL);
        print("Generating %d schools x %d pupils", schoolCount, PUPILS_PER_SCHOOL);
        jdbc.execute("create table if not exists copy_baseline (pupil_id bigint, mark_date date, session varchar(2), "
                + "code varchar(2), minutes_late smallint, recorded_by varchar(100), recorded_at timestamptz, source varchar(20))");
        jdbc.execute("truncate copy_baseline");

        long loadNanos = 0;
        long copyNanos = 0;
        long marks = 0;
        HeapWatch heap = new HeapWatch();
        for (int s = 0; s < schoolCount; s++) {
            School school = school(s);
            List<String> upns = pupils(school.getUrn(), s);
            SchoolCalendar calendar = calendars.forYears(school.getUrn(), List.of(YEAR));
            String csv = registerCsv(upns, calendar);
            heap.sample();

            String copyRows = copyRows(school.getUrn(), csv);
            long start = System.nanoTime();
            copy(copyRows);
            copyNanos += System.nanoTime() - start;

            start = System.nanoTime();
            RegisterLoadResult result = loader.load(school, parser.parseCsv(new StringReader(csv)),
                    RECORDER, YEAR.lastDay());
            loadNanos += System.nanoTime() - start;
            heap.sample();
            if (!result.rejected().isEmpty()) {
                throw new IllegalStateException("rows rejected: " + result.rejected().subList(0, 3));
            }
            marks += result.accepted();
            if ((s + 1) % 10 == 0 || s == schoolCount - 1) {
                print("  %d schools, %,d marks: load %,.0f marks/s, COPY %,.0f rows/s", s + 1, marks,
                        marks / seconds(loadNanos), marks / seconds(copyNanos));
            }
        }

        long start = System.nanoTime();
        int recalculated = snapshots.recalculateAll();
        long snapshotNanos = System.nanoTime() - start;
        heap.sample();

        print("RESULT pupils=%,d marks=%,d", PUPILS, marks);
        print("RESULT load through the API code path: %,.0f marks/s (%.1f s)", marks / seconds(loadNanos), seconds(loadNanos));
        print("RESULT PostgreSQL COPY into a bare table: %,.0f rows/s (%.1f s)", marks / seconds(copyNanos), seconds(copyNanos));
        print("RESULT load rate / COPY rate = %.2f", seconds(copyNanos) / seconds(loadNanos));
        print("RESULT snapshots: %,d pupils in %.1f s (snapshot time / COPY time = %.2f)", recalculated,
                seconds(snapshotNanos), seconds(snapshotNanos) / seconds(copyNanos));
        print("RESULT signals published by the recalculation: %,d; handled by casework by its end: %,d",
                jdbc.queryForObject("select count(*) from attendance_signal_crossing", Long.class),
                jdbc.queryForObject("select count(*) from case_signal_received", Long.class));
        print("RESULT %s", heap.describe());
    }

    private School school(int index) {
        return BenchmarkSupport.school(schools, new SchoolData(String.format("9%05d", index), "Benchmark School " + index,
                "999", Phase.SECONDARY, LocalTime.of(8, 55)));
    }

    private List<String> pupils(String urn, int schoolIndex) {
        return BenchmarkSupport.pupils(schools, urn, "999", schoolIndex, PUPILS_PER_SCHOOL, p -> Set.of());
    }

    /** A year of marks: most pupils present about 95 % of sessions, with the usual mix of absence codes. */
    private String registerCsv(List<String> upns, SchoolCalendar calendar) {
        String[] absences = {"I", "I", "I", "M", "N", "O", "G", "U", "C", "R"};
        var csv = new StringBuilder(upns.size() * 400 * 32).append(BenchmarkSupport.CSV_HEADER);
        for (String upn : upns) {
            double absenceRate = random.nextDouble() < 0.15 ? 0.15 + random.nextDouble() * 0.4 : random.nextDouble() * 0.08;
            for (LocalDate day = YEAR.firstDay(); !day.isAfter(YEAR.lastDay()); day = day.plusDays(1)) {
                for (Session session : Session.values()) {
                    if (!calendar.isOpen(day, session)) {
                        continue;
                    }
                    BenchmarkSupport.appendMark(csv, random, upn, day, session, absenceRate,
                            () -> absences[random.nextInt(absences.length)]);
                }
            }
        }
        return csv.toString();
    }

    /** The same rows, resolved to pupil ids as the loader stores them, copied straight into a bare table. */
    private String copyRows(String urn, String csv) {
        var ids = new java.util.HashMap<String, Long>();
        jdbc.query("select upn, id from pupil where school_urn = ?", rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        }, urn);
        var rows = new StringBuilder(csv.length() + csv.length() / 2);
        String now = java.time.OffsetDateTime.now().toString();
        int lineStart = csv.indexOf('\n') + 1;
        while (lineStart < csv.length()) {
            int lineEnd = csv.indexOf('\n', lineStart);
            String[] f = csv.substring(lineStart, lineEnd).split(",", -1);
            rows.append(ids.get(f[0])).append(',').append(f[1]).append(',').append(f[2]).append(',')
                    .append(f[3]).append(',').append(f[4])
                    .append(",benchmark,").append(now).append(",BENCHMARK\n");
            lineStart = lineEnd + 1;
        }
        return rows.toString();
    }

    private void copy(String rows) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy copy_baseline from stdin (format csv)", new StringReader(rows));
        }
    }

    /**
     * Heap use seen by the benchmark: the highest heap in use at the sample points (garbage included), and the
     * highest heap still in use after a garbage collection (the live data). The fork runs with -Xmx1g, so the
     * run finishing at all shows the heap stayed under 1 GB.
     */
    static final class HeapWatch {
        private long peakUsed;
        private long peakLive;

        void sample() {
            peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    live += pool.getCollectionUsage().getUsed();
                }
            }
            peakLive = Math.max(peakLive, live);
        }

        String describe() {
            return String.format("peak heap in use %,d MB, peak live heap after GC %,d MB, max heap %,d MB",
                    peakUsed >> 20, peakLive >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }
}
