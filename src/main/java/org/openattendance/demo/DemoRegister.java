package org.openattendance.demo;

import static org.openattendance.school.Cohort.CHILD_IN_NEED;
import static org.openattendance.school.Cohort.CHILD_PROTECTION;
import static org.openattendance.school.Cohort.EHCP;
import static org.openattendance.school.Cohort.FSM;
import static org.openattendance.school.Cohort.SEN_SUPPORT;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.openattendance.register.MarkRow;
import org.openattendance.school.Cohort;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;

/**
 * The register marks of one school's demo pupils, on the school's open sessions from the first school day given
 * up to yesterday. Most pupils attend about 96 % of sessions (short illnesses, appointments, the odd late arrival);
 * about 15 % are persistently absent and 2 % severely absent, the pupils on free school meals, with SEN or with a
 * social worker more often than others; some take a term-time holiday; one pupil has had a long illness and one
 * has been absent without a reason for the last few days.
 */
final class DemoRegister {

    static final String PRESENT_AM = "/";
    static final String PRESENT_PM = "\\";
    private static final double PERSISTENT_SHARE = 0.15;
    private static final double SEVERE_SHARE = 0.02;
    private static final double HOLIDAY_SHARE = 0.08;
    /** One letter per tenth of the episodes: I 50 %, O 30 %, N 10 %, G 10 %. */
    private static final String PERSISTENT_ABSENCE_CODES = "IIIIIOOONG";
    /** N is provisional: after 5 school days the school has found out, or records O. */
    private static final int DAYS_TO_RESOLVE_N = 5;
    /** O 50 %, N 30 %, I 20 %. */
    private static final String SEVERE_ABSENCE_CODES = "OOOOONNNII";

    /** A day the school is open for at least one session. */
    record SchoolDay(LocalDate date, boolean amOpen, boolean pmOpen) {
    }

    /** The school days from {@code from} up to the day before {@code until}. */
    static List<SchoolDay> schoolDays(SchoolCalendar calendar, LocalDate from, LocalDate until) {
        var days = new ArrayList<SchoolDay>();
        for (LocalDate date = from; date.isBefore(until); date = date.plusDays(1)) {
            boolean am = calendar.isOpen(date, Session.AM);
            boolean pm = calendar.isOpen(date, Session.PM);
            if (am || pm) {
                days.add(new SchoolDay(date, am, pm));
            }
        }
        return days;
    }

    private final DemoSchool school;
    private final List<SchoolDay> schoolDays;
    private final Random random;

    DemoRegister(DemoSchool school, List<SchoolDay> schoolDays, Random random) {
        this.school = school;
        this.schoolDays = schoolDays;
        this.random = random;
    }

    /** The marks, one list per academic year, each with its lines numbered from 1. */
    Map<AcademicYear, List<MarkRow>> marksFor(List<PupilData> pupils) {
        Map<String, Sheet> sheets = new HashMap<>();
        pupils.forEach(p -> sheets.put(p.upn(), new Sheet(daysOnRoll(p))));
        List<PupilData> severe = pick(pupils, share(SEVERE_SHARE, pupils), DemoRegister::absenceRisk);
        List<PupilData> persistent = pick(without(pupils, severe), share(PERSISTENT_SHARE, pupils),
                DemoRegister::absenceRisk);
        for (PupilData pupil : pupils) {
            Sheet sheet = sheets.get(pupil.upn());
            if (severe.contains(pupil)) {
                severe(sheet);
            } else if (persistent.contains(pupil)) {
                persistent(sheet);
            } else {
                regular(sheet);
            }
        }
        addEvents(pupils, sheets, severe, persistent);

        var marks = new TreeMap<AcademicYear, List<MarkRow>>();
        pupils.forEach(p -> sheets.get(p.upn()).writeTo(p.upn(), marks));
        return marks;
    }

    /** Holidays for some; a long illness and a current run of unexplained days for two regular attenders. */
    private void addEvents(List<PupilData> pupils, Map<String, Sheet> sheets, List<PupilData> severe,
                           List<PupilData> persistent) {
        List<PupilData> holidayTakers = pick(without(pupils, severe), share(HOLIDAY_SHARE, pupils), p -> 1);
        holidayTakers.forEach(p -> termTimeHoliday(sheets.get(p.upn())));
        List<PupilData> regularThroughout = without(pupils, severe, persistent, holidayTakers).stream()
                .filter(p -> !p.admissionDate().isAfter(schoolDays.get(0).date())).toList();
        List<PupilData> two = pick(regularThroughout, 2, p -> 1);
        longIllness(sheets.get(two.get(0).upn()));
        unexplainedUpToYesterday(sheets.get(two.get(1).upn()));
    }

    private List<SchoolDay> daysOnRoll(PupilData pupil) {
        return schoolDays.stream().filter(d -> !d.date().isBefore(pupil.admissionDate())).toList();
    }

    // The three patterns every pupil follows one of

    /** About 96 %: illnesses of 1 to 3 days, the odd appointment, late arrival or unexplained day. */
    private void regular(Sheet sheet) {
        double proneness = 0.3 + 1.3 * random.nextDouble();
        for (int day = 0; day < sheet.size(); day++) {
            if (chance(0.014 * proneness)) {
                day += sheet.wholeDays(day, 1 + random.nextInt(3), "I") - 1;
            } else if (chance(0.004)) {
                sheet.session(day, random.nextBoolean() ? Session.AM : Session.PM, "M");
            } else if (chance(0.012 * proneness)) {
                sheet.late(day, "L", 2 + random.nextInt(24));
            } else if (chance(0.002 * proneness)) {
                sheet.late(day, "U", 31 + random.nextInt(40));
            } else if (chance(0.002 * proneness)) {
                sheet.wholeDays(day, 1, "O");
            }
        }
    }

    /** Persistently absent: 11 to 26 % of sessions missed, in episodes of half a day to 3 days, often late. */
    private void persistent(Sheet sheet) {
        double start = episodeStartChance(0.11 + 0.15 * random.nextDouble(), 1.7);
        for (int day = 0; day < sheet.size(); day++) {
            if (chance(start)) {
                String code = oneOf(PERSISTENT_ABSENCE_CODES);
                if (code.equals("N") && day < sheet.size() - DAYS_TO_RESOLVE_N) {
                    code = "O";
                }
                if (chance(0.2)) {
                    sheet.session(day, Session.PM, code);
                } else {
                    day += sheet.wholeDays(day, 1 + random.nextInt(3), code) - 1;
                }
            } else if (chance(0.03)) {
                sheet.late(day, "L", 5 + random.nextInt(25));
            } else if (chance(0.01)) {
                sheet.late(day, "U", 35 + random.nextInt(60));
            } else if (chance(0.005)) {
                sheet.session(day, Session.AM, "M");
            }
        }
    }

    /** Severely absent: 55 to 85 % of sessions missed, in runs of 3 to 10 days, mostly O and N. */
    private void severe(Sheet sheet) {
        double start = episodeStartChance(0.55 + 0.30 * random.nextDouble(), 6.5);
        for (int day = 0; day < sheet.size(); day++) {
            if (chance(start)) {
                day += sheet.wholeDays(day, 3 + random.nextInt(8), oneOf(SEVERE_ABSENCE_CODES)) - 1;
            } else if (chance(0.05)) {
                sheet.late(day, "U", 40 + random.nextInt(90));
            }
        }
    }

    /**
     * The daily chance of an absence episode starting, for a pupil who misses {@code absence} of their days in
     * episodes of {@code meanDays} on average: absence = s d / (s d + 1 - s), solved for s.
     */
    private static double episodeStartChance(double absence, double meanDays) {
        return absence / (meanDays * (1 - absence) + absence);
    }

    // Events laid over the patterns

    /** 3 to 5 school days of G just before a school holiday. */
    private void termTimeHoliday(Sheet sheet) {
        List<Integer> lastDays = sheet.lastDaysBeforeHolidays();
        if (!lastDays.isEmpty()) {
            int last = lastDays.get(random.nextInt(lastDays.size()));
            int days = 3 + random.nextInt(3);
            int first = Math.max(0, last - days + 1);
            sheet.wholeDays(first, last - first + 1, "G");
        }
    }

    /** 16 to 18 school days of illness in a row, back at school for the last week. */
    private void longIllness(Sheet sheet) {
        int days = 16 + random.nextInt(3);
        sheet.wholeDays(Math.max(0, sheet.size() - 5 - days), days, "I");
    }

    /** No reason known for the last few school days, up to yesterday. */
    private void unexplainedUpToYesterday(Sheet sheet) {
        int days = school.currentUnexplainedDays();
        sheet.wholeDays(Math.max(0, sheet.size() - days), days, "N");
    }

    // Choosing pupils

    private static int share(double share, List<PupilData> pupils) {
        return Math.max(1, (int) Math.round(share * pupils.size()));
    }

    /** Picks {@code count} pupils at random, each in proportion to its weight (Efraimidis and Spirakis). */
    private List<PupilData> pick(List<PupilData> candidates, int count, ToDoubleFunction<PupilData> weight) {
        var keys = new HashMap<String, Double>();
        candidates.forEach(p -> keys.put(p.upn(), Math.pow(random.nextDouble(), 1 / weight.applyAsDouble(p))));
        return candidates.stream()
                .sorted(Comparator.comparingDouble((PupilData p) -> keys.get(p.upn())).reversed())
                .limit(count).toList();
    }

    /** How much more likely than others a pupil is to be persistently absent. */
    private static double absenceRisk(PupilData pupil) {
        Set<Cohort> cohorts = pupil.cohorts();
        double risk = 1;
        risk += cohorts.contains(FSM) ? 1.0 : 0;
        risk += cohorts.contains(SEN_SUPPORT) || cohorts.contains(EHCP) ? 0.7 : 0;
        risk += cohorts.contains(CHILD_IN_NEED) || cohorts.contains(CHILD_PROTECTION) ? 1.5 : 0;
        return risk;
    }

    @SafeVarargs
    private static List<PupilData> without(List<PupilData> pupils, List<PupilData>... groups) {
        return pupils.stream().filter(p -> Arrays.stream(groups).noneMatch(g -> g.contains(p))).toList();
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** One of the one-letter codes in {@code codes}, each letter as likely as the others. */
    private String oneOf(String codes) {
        return String.valueOf(codes.charAt(random.nextInt(codes.length())));
    }

    /** One pupil's marks on the school days they are on roll: present unless changed. */
    private static final class Sheet {
        private final List<SchoolDay> days;
        private final String[] am;
        private final String[] pm;
        private final Integer[] minutesLate;

        Sheet(List<SchoolDay> days) {
            this.days = days;
            this.am = new String[days.size()];
            this.pm = new String[days.size()];
            this.minutesLate = new Integer[days.size()];
            Arrays.fill(am, PRESENT_AM);
            Arrays.fill(pm, PRESENT_PM);
        }

        int size() {
            return days.size();
        }

        /** Marks {@code count} whole days from {@code first}; answers how many it marked (fewer at the end). */
        int wholeDays(int first, int count, String code) {
            int end = Math.min(days.size(), first + count);
            for (int day = first; day < end; day++) {
                am[day] = code;
                pm[day] = code;
                minutesLate[day] = null;
            }
            return end - first;
        }

        void session(int day, Session session, String code) {
            if (session == Session.AM) {
                am[day] = code;
                minutesLate[day] = null;
            } else {
                pm[day] = code;
            }
        }

        /** A morning arrival after registration started: L while the register is open, U after it closed. */
        void late(int day, String code, int minutes) {
            am[day] = code;
            minutesLate[day] = minutes;
        }

        /** The last school day before each holiday (a gap of more than a long weekend) on this sheet. */
        List<Integer> lastDaysBeforeHolidays() {
            var lastDays = new ArrayList<Integer>();
            for (int day = 0; day + 1 < days.size(); day++) {
                if (ChronoUnit.DAYS.between(days.get(day).date(), days.get(day + 1).date()) > 4) {
                    lastDays.add(day);
                }
            }
            return lastDays;
        }

        void writeTo(String upn, Map<AcademicYear, List<MarkRow>> marks) {
            for (int day = 0; day < days.size(); day++) {
                SchoolDay schoolDay = days.get(day);
                List<MarkRow> rows = marks.computeIfAbsent(AcademicYear.containing(schoolDay.date()), y -> new ArrayList<>());
                if (schoolDay.amOpen()) {
                    rows.add(row(rows.size() + 1, upn, schoolDay.date(), Session.AM, am[day], minutesLate[day]));
                }
                if (schoolDay.pmOpen()) {
                    rows.add(row(rows.size() + 1, upn, schoolDay.date(), Session.PM, pm[day], null));
                }
            }
        }

        private static MarkRow row(int line, String upn, LocalDate date, Session session, String code, Integer minutes) {
            return new MarkRow(line, upn, date.toString(), session.name(), code,
                    minutes == null ? null : minutes.toString(), null);
        }
    }
}
