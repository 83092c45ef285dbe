package org.openattendance.benchmark;

import static org.openattendance.benchmark.BenchmarkSupport.RECORDER;
import static org.openattendance.benchmark.BenchmarkSupport.YEAR;
import static org.openattendance.benchmark.BenchmarkSupport.loadAverage;
import static org.openattendance.benchmark.BenchmarkSupport.print;
import static org.openattendance.benchmark.BenchmarkSupport.seconds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openattendance.register.MarkRow;
import org.openattendance.register.RegisterLoadResult;
import org.openattendance.register.RegisterLoader;
import org.openattendance.school.Cohort;
import org.openattendance.school.Phase;
import org.openattendance.school.School;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.SchoolData;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.London;
import org.openattendance.shared.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monday morning at LA scale, run with {@code mvn -B -Pbenchmark test -Dtest=MondayMorningBenchmark} (see
 * docs/performance.md). Not a timed test: it prints figures. 50 schools of 1,000 pupils hold a term of marks; at
 * 9:15 on a Monday each school loads its morning register in one load, 2 % of its pupils marked N. Timed: from the
 * first load to the last "Contact the parents today" task in an inbox (register load, snapshot recalculation,
 * signals, cases opened, processes started, the message, the day's decision, the task). In the same run, the bare
 * engine starts as many instances of a one-user-task model, for the ratio.
 */
@SpringBootTest(properties = {"camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true", "openattendance.attendance.morning-sweep.enabled=false",
        "logging.level.org.openattendance=warn"})
@ActiveProfiles("test")
class MondayMorningBenchmark {

    static final int PUPILS = Integer.getInteger("benchmark.pupils", 50_000);
    static final int PUPILS_PER_SCHOOL = Integer.getInteger("benchmark.pupilsPerSchool", 1_000);
    static final double ABSENT = 0.02;
    /** The Monday: the second week of the spring term, after the whole autumn term. */
    static final LocalDate MONDAY = LocalDate.of(2026, 1, 12);
    static final Instant NINE_FIFTEEN = MONDAY.atTime(9, 15).atZone(London.ZONE).toInstant();

    @TestConfiguration
    static class MondayClock {
        @Bean
        @Primary
        Clock mondayMorning() {
            return Clock.fixed(NINE_FIFTEEN, London.ZONE);
        }
    }

    @Autowired
    SchoolAdministration schools;
    @Autowired
    SchoolCalendars calendars;
    @Autowired
    RegisterLoader loader;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    PlatformTransactionManager transactions;

    final Random random = new Random(20261130);

    @AfterEach
    void engineClockBack() {
        ClockUtil.reset();
    }

    @Test
    void mondayMorningFirstDayContactAtLaScale() throws Exception {
        ClockUtil.setCurrentTime(Date.from(NINE_FIFTEEN));
        var transaction = new TransactionTemplate(transactions);
        int schoolCount = Math.max(1, PUPILS / PUPILS_PER_SCHOOL);
        print("Setting up %d schools x %d pupils with the autumn term's marks", schoolCount, PUPILS_PER_SCHOOL);
        var rolls = new ArrayList<List<String>>();
        var schoolList = new ArrayList<School>();
        long termMarks = 0;
        for (int s = 0; s < schoolCount; s++) {
            School school = school(s);
            List<String> upns = pupils(school.getUrn(), s);
            SchoolCalendar calendar = calendars.forYears(school.getUrn(), List.of(YEAR));
            List<MarkRow> term = term(upns, calendar);
            RegisterLoadResult result = transaction.execute(t -> loader.load(school, term, RECORDER, MONDAY));
            termMarks += result.accepted();
            schoolList.add(school);
            rolls.add(upns);
        }
        awaitQuiet(PUPILS, 0);
        print("Set up: %,d term marks, %,d snapshots, %d open tasks before Monday", termMarks,
                jdbc.queryForObject("select count(*) from attendance_snapshot", Long.class), tasks.createTaskQuery().count());

        // 9:15 on Monday: each school's morning register, 2 % of pupils N.
        var morning = new ArrayList<List<MarkRow>>();
        int absent = 0;
        for (List<String> upns : rolls) {
            var rows = new ArrayList<MarkRow>(upns.size());
            for (int p = 0; p < upns.size(); p++) {
                boolean n = p % 50 == 7;
                absent += n ? 1 : 0;
                rows.add(new MarkRow(rows.size() + 1, upns.get(p), MONDAY.toString(), "AM", n ? "N" : "/", null, null));
            }
            morning.add(rows);
        }
        long before = tasks.createTaskQuery().taskDefinitionKey("contact-parents").count();
        print("Load average before the Monday loads: %s", loadAverage());
        Map<String, Long> rowsBefore = rowsWritten();
        long commitsBefore = commits();
        long start = System.nanoTime();
        Thread progress = progress(start);
        for (int s = 0; s < schoolList.size(); s++) {
            School school = schoolList.get(s);
            List<MarkRow> rows = morning.get(s);
            transaction.execute(t -> loader.load(school, rows, RECORDER, MONDAY));
        }
        long loaded = System.nanoTime();
        long expected = before + absent;
        long lastSeen = before;
        long lastProgress = System.nanoTime();
        long firstTask = 0;
        while (true) {
            long count = tasks.createTaskQuery().taskDefinitionKey("contact-parents").count();
            if (count != lastSeen) {
                lastSeen = count;
                lastProgress = System.nanoTime();
                firstTask = firstTask == 0 ? lastProgress : firstTask;
            }
            if (count >= expected) {
                break;
            }
            if (System.nanoTime() - lastProgress > 300_000_000_000L) {
                throw new IllegalStateException("No new task for 5 minutes: " + count + " of " + expected);
            }
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        progress.interrupt();
        double pipelineSeconds = seconds(done - start);
        print("Load average after the last task: %s", loadAverage());
        print("RESULT pupils=%,d schools=%d marked N this morning=%,d", PUPILS, schoolList.size(), absent);
        print("RESULT the 50 morning loads took %.1f s", seconds(loaded - start));
        print("RESULT last 'Contact the parents today' task in an inbox %.1f s after the first load: %,.1f tasks/s",
                pipelineSeconds, absent / pipelineSeconds);
        double openingSeconds = seconds(done - firstTask);
        print("RESULT the first task in an inbox %.1f s after the first load; from it to the last: %.1f s, %,.1f tasks/s",
                seconds(firstTask - start), openingSeconds, (absent - 1) / openingSeconds);
        print("RESULT cases opened %,d; tasks for social workers and the Virtual School %,d",
                jdbc.queryForObject("select count(*) from attendance_case", Long.class),
                tasks.createTaskQuery().taskDefinitionKeyIn("tell-social-worker", "tell-virtual-school").count());

        awaitQuiet(PUPILS, 0);
        printDatabaseWork("Monday phase (loads, snapshots, dashboard, cases)", rowsBefore, commitsBefore);

        // The bare engine, same run: as many instances of a one-user-task model, started one after another.
        repository.createDeployment().addClasspathResource("benchmark/one-user-task.bpmn").name("benchmark-baseline").deploy();
        for (int i = 0; i < 50; i++) {
            runtime.startProcessInstanceByKey("bare-one-user-task", "warm-" + i, Map.of("schoolUrn", "900000"));
        }
        print("Load average before the bare engine: %s", loadAverage());
        Map<String, Long> bareRowsBefore = rowsWritten();
        long bareCommitsBefore = commits();
        long bareStart = System.nanoTime();
        for (int i = 0; i < absent; i++) {
            runtime.startProcessInstanceByKey("bare-one-user-task", "bare-" + i,
                    Map.of("schoolUrn", schoolList.get(i % schoolList.size()).getUrn()));
        }
        double bareSeconds = seconds(System.nanoTime() - bareStart);
        print("Load average after the bare engine: %s", loadAverage());
        printDatabaseWork("bare engine", bareRowsBefore, bareCommitsBefore);
        print("RESULT bare Camunda start of a one-user-task model: %,d instances in %.1f s: %,.1f starts/s", absent,
                bareSeconds, absent / bareSeconds);
        print("RESULT pipeline rate / bare rate = %.2f", bareSeconds / pipelineSeconds);
        print("RESULT case-opening rate (first task to last) / bare rate = %.2f",
                ((absent - 1) / openingSeconds) / (absent / bareSeconds));
    }

    /** Waits until every snapshot is written and every event publication is complete. */
    private void awaitQuiet(long snapshots, long ignored) throws InterruptedException {
        long deadline = System.nanoTime() + 900_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long have = jdbc.queryForObject("select count(*) from attendance_snapshot", Long.class);
            Long open = jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
            if (have != null && have >= snapshots && open != null && open == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Set-up did not settle in 15 minutes");
    }

    /**
     * Every 5 seconds of the Monday phase: tasks, cases and unfinished event publications, and the machine's load
     * average, so a run shows where the time went (loads, recalculation, case work) and how busy the machine was.
     */
    private Thread progress(long start) {
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(5000);
                    print("  at %5.1f s: %,d contact tasks, %,d cases, %,d event publications open; load average %s",
                            seconds(System.nanoTime() - start),
                            tasks.createTaskQuery().taskDefinitionKey("contact-parents").count(),
                            jdbc.queryForObject("select count(*) from attendance_case", Long.class),
                            jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
                                    Long.class), loadAverage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                print("  progress stopped: %s", e);
            }
        }, "benchmark-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Rows written (inserted, updated, deleted) per table so far, from PostgreSQL's statistics. */
    private Map<String, Long> rowsWritten() throws InterruptedException {
        Thread.sleep(1500); // PostgreSQL publishes a backend's counts at most once a second
        jdbc.execute("select pg_stat_clear_snapshot()");
        var rows = new HashMap<String, Long>();
        jdbc.query("select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables",
                rs -> {
                    rows.merge(rs.getString(1).replaceAll("_p\\d+$|_\\d{4}.*$", ""), rs.getLong(2), Long::sum);
                });
        return rows;
    }

    private long commits() {
        return jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()", Long.class);
    }

    private void printDatabaseWork(String phase, Map<String, Long> before, long commitsBefore) throws InterruptedException {
        Map<String, Long> after = rowsWritten();
        var changed = new ArrayList<Map.Entry<String, Long>>();
        after.forEach((table, n) -> {
            long delta = n - before.getOrDefault(table, 0L);
            if (delta > 0) {
                changed.add(Map.entry(table, delta));
            }
        });
        changed.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        long total = changed.stream().mapToLong(Map.Entry::getValue).sum();
        print("DATABASE %s: %,d transactions committed, %,d rows written: %s", phase, commits() - commitsBefore, total,
                changed.stream().limit(25).map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private School school(int index) {
        return BenchmarkSupport.school(schools, new SchoolData(String.format("8%05d", index), "Monday School " + index,
                "998", Phase.SECONDARY, LocalTime.of(9, 0)));
    }

    /** Pupils with a parent each; every 40th is looked after (a quarter of those are among the N ones). */
    private List<String> pupils(String urn, int schoolIndex) {
        return BenchmarkSupport.pupils(schools, urn, "998", schoolIndex, PUPILS_PER_SCHOOL,
                p -> p % 40 == 7 ? Set.of(Cohort.LOOKED_AFTER) : Set.of());
    }

    /**
     * The autumn term and the first week of the spring term: present, with two sessions of illness each, so that no
     * pupil crosses a threshold before Monday and every task timed comes from Monday's N.
     */
    private List<MarkRow> term(List<String> upns, SchoolCalendar calendar) {
        var rows = new ArrayList<MarkRow>();
        var days = new ArrayList<LocalDate>();
        for (LocalDate day = YEAR.firstDay(); day.isBefore(MONDAY); day = day.plusDays(1)) {
            if (calendar.isOpen(day, Session.AM)) {
                days.add(day);
            }
        }
        for (String upn : upns) {
            int ill = random.nextInt(days.size() - 1);
            for (int d = 0; d < days.size(); d++) {
                LocalDate day = days.get(d);
                for (Session session : Session.values()) {
                    if (!calendar.isOpen(day, session)) {
                        continue;
                    }
                    String code = d == ill ? "I" : session == Session.AM ? "/" : "\\";
                    rows.add(new MarkRow(rows.size() + 1, upn, day.toString(), session.name(), code, null, null));
                }
            }
        }
        return rows;
    }
}
