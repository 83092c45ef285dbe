package org.openattendance.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.openattendance.register.MarkSource;
import org.openattendance.register.Recorder;
import org.openattendance.school.Cohort;
import org.openattendance.school.School;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.CalendarData;
import org.openattendance.school.SchoolAdministration.ClosureData;
import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolAdministration.SchoolData;
import org.openattendance.school.SchoolAdministration.TermData;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.openattendance.shared.Upn;

/**
 * What the benchmarks share: schools with the 2025-26 calendar, pupils' UPNs and parents, register rows in the
 * upload's CSV form, the rounds that time every measurement in turn, and the way figures are printed, so that two
 * benchmarks' figures come from the same set-up and read the same way.
 */
final class BenchmarkSupport {

    /** The year the benchmarks' registers are in. */
    static final AcademicYear YEAR = new AcademicYear(2025);
    /** Who loads the benchmarks' registers. */
    static final Recorder RECORDER = new Recorder("benchmark", "ATTENDANCE_OFFICER", MarkSource.BENCHMARK);
    static final String CSV_HEADER = "upn,date,session,code,minutes_late\n";

    private BenchmarkSupport() {
    }

    /** A school with the 2025-26 calendar: six terms and the May bank holiday closed. */
    static School school(SchoolAdministration schools, SchoolData data) {
        School school = schools.saveSchool(data);
        schools.saveCalendar(data.urn(), YEAR, new CalendarData(List.of(
                new TermData(LocalDate.of(2025, 9, 3), LocalDate.of(2025, 10, 24)),
                new TermData(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 12, 19)),
                new TermData(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 13)),
                new TermData(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 27)),
                new TermData(LocalDate.of(2026, 4, 13), LocalDate.of(2026, 5, 22)),
                new TermData(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 22))),
                List.of(new ClosureData(LocalDate.of(2026, 5, 4), null, "Bank holiday"))));
        return school;
    }

    /** A valid UPN for pupil {@code p} of school {@code schoolIndex}, its digits starting with the LA's code. */
    static String upn(String la, int schoolIndex, int p) {
        String twelve = String.format("%s%04d%02d%03d", la, schoolIndex, 20 + p / 1000, p % 1000);
        return Upn.checkLetterFor(twelve) + twelve;
    }

    /**
     * A school's {@code count} pupils, in year groups 7 to 11 from September 2025, each with a parent
     * ({@link #parent}) and the cohorts given for pupil {@code p}; answers their UPNs in order.
     */
    static List<String> pupils(SchoolAdministration schools, String urn, String la, int schoolIndex, int count,
                               IntFunction<Set<Cohort>> cohorts) {
        var data = new ArrayList<PupilData>(count);
        var upns = new ArrayList<String>(count);
        for (int p = 0; p < count; p++) {
            String upn = upn(la, schoolIndex, p);
            upns.add(upn);
            data.add(new PupilData(upn, "Pupil", "Number " + p, LocalDate.of(2013, 1, 1).plusDays(p % 365), 7 + p % 5,
                    LocalDate.of(2025, 9, 1), cohorts.apply(p), null, List.of(parent(p))));
        }
        schools.savePupils(urn, data);
        return upns;
    }

    /** Pupil {@code p}'s mother, with parental responsibility, living with them, reached by email. */
    static ParentData parent(int p) {
        return new ParentData("Parent " + p, "Mother", true, true, "parent" + p + "@example.org", null, null);
    }

    /**
     * One session's row of an upload: absent (with the code given) at the pupil's absence rate, otherwise late one
     * time in fifty, otherwise present. The random draws are taken in that order.
     */
    static void appendMark(StringBuilder csv, Random random, String upn, LocalDate day, Session session,
                           double absenceRate, Supplier<String> absenceCode) {
        csv.append(upn).append(',').append(day).append(',').append(session.name()).append(',');
        if (random.nextDouble() < absenceRate) {
            csv.append(absenceCode.get()).append(",\n");
        } else if (random.nextDouble() < 0.02) {
            csv.append("L,").append(1 + random.nextInt(25)).append('\n');
        } else {
            csv.append(session == Session.AM ? "/" : "\\").append(",\n");
        }
    }

    /** The sorted times of one measurement, in milliseconds. */
    record Timing(double[] millis) {
        double median() {
            return at(0.5);
        }

        double at(double quantile) {
            return millis[(int) Math.min(millis.length - 1, Math.ceil(quantile * millis.length) - 1)];
        }

        /** The median, 95th percentile and maximum, the label padded to {@code width}, to {@code decimals} places. */
        String describe(String what, int width, int decimals) {
            String ms = "%8." + decimals + "f ms";
            return String.format("%-" + width + "s median " + ms + ", p95 " + ms + ", max " + ms, what, median(),
                    at(0.95), millis[millis.length - 1]);
        }
    }

    /**
     * Warm-up rounds, then timed rounds. Every measurement takes its turn in each round, so load on the shared
     * machine falls on all of them alike and the ratios hold even when the absolute figures move.
     */
    static Map<String, Timing> time(Map<String, Callable<Object>> measured, int warmUp, int iterations)
            throws Exception {
        for (int i = 0; i < warmUp; i++) {
            for (Callable<Object> work : measured.values()) {
                work.call();
            }
        }
        var millis = new LinkedHashMap<String, double[]>();
        measured.keySet().forEach(what -> millis.put(what, new double[iterations]));
        for (int i = 0; i < iterations; i++) {
            for (var entry : measured.entrySet()) {
                long start = System.nanoTime();
                entry.getValue().call();
                millis.get(entry.getKey())[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        var timings = new LinkedHashMap<String, Timing>();
        millis.forEach((what, values) -> {
            Arrays.sort(values);
            timings.put(what, new Timing(values));
        });
        return timings;
    }

    /** The machine's load average over 1, 5 and 15 minutes, as /proc/loadavg gives it. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void print(String format, Object... args) {
        System.out.println("[benchmark] " + String.format(format, args));
    }
}
