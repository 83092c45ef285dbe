package org.openattendance.benchmark;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.openattendance.benchmark.BenchmarkSupport.RECORDER;
import static org.openattendance.benchmark.BenchmarkSupport.YEAR;
import static org.openattendance.benchmark.BenchmarkSupport.loadAverage;
import static org.openattendance.benchmark.BenchmarkSupport.print;
import static org.openattendance.benchmark.BenchmarkSupport.seconds;
import static org.openattendance.benchmark.BenchmarkSupport.time;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openattendance.casework.CaseStore;
import org.openattendance.benchmark.BenchmarkSupport.Timing;
import org.openattendance.casework.Stage;
import org.openattendance.dashboard.DashboardAggregates;
import org.openattendance.register.RegisterLoadResult;
import org.openattendance.register.RegisterLoader;
import org.openattendance.register.RegisterUploadParser;
import org.openattendance.school.Cohort;
import org.openattendance.school.Phase;
import org.openattendance.school.School;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolAdministration.SchoolData;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.security.UserAdministration;
import org.openattendance.shared.London;
import org.openattendance.shared.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The dashboards at LA scale, run with {@code mvn -Pbenchmark test -Dtest=DashboardBenchmark} (see
 * docs/performance.md). Not a timed test: it prints the median, 95th percentile and maximum of every dashboard page
 * and summary API (whole requests through Spring Security, the controllers, their queries and Thymeleaf, with
 * MockMvc) and, in the same rounds, of the same dashboard and API for an LA whose only school has no pupils.
 *
 * <p>The data: 50 schools of 1,000 pupils (cohorts, year groups, a few joining mid-year, 20 on a social worker's
 * caseload) with a year of marks (2025-26, loaded through the register's own loader to Friday 17 July 2026, the
 * clock fixed on Monday 20 July 2026), the dashboard's aggregates worked out once for every school, and 5,000 open
 * cases of the real attendance-case process, each started at a step of its stage (first-day contact, the letter,
 * a meeting, the support plan review, a notice, monitoring), one in ten of the tasks claimed.
 */
@SpringBootTest(properties = {"openattendance.attendance.recalculate-after-load=false",
        "openattendance.dashboard.refresh-after-load=false", "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true", "logging.level.org.openattendance=warn",
        "logging.level.org.camunda=error"})
@ActiveProfiles("test")
class DashboardBenchmark {

    static final int PUPILS = Integer.getInteger("benchmark.pupils", 50_000);
    static final int PUPILS_PER_SCHOOL = Integer.getInteger("benchmark.pupilsPerSchool", 1_000);
    static final int CASES = Integer.getInteger("benchmark.cases", 5_000);
    static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 20);
    static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 100);
    static final LocalDate TODAY = LocalDate.of(2026, 7, 20);
    static final String LA = "991";
    static final String EMPTY_LA = "992";

    @TestConfiguration
    static class SummerClock {
        @Bean
        @Primary
        Clock summerTerm() {
            return Clock.fixed(TODAY.atTime(12, 0).atZone(London.ZONE).toInstant(), London.ZONE);
        }
    }

    @Autowired
    SchoolAdministration schools;
    @Autowired
    SchoolCalendars calendars;
    @Autowired
    UserAdministration users;
    @Autowired
    RegisterLoader loader;
    @Autowired
    RegisterUploadParser parser;
    @Autowired
    DashboardAggregates aggregates;
    @Autowired
    CaseStore cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    WebApplicationContext context;

    final Random random = new Random(20261130);

    @Test
    void everyDashboardAndSummaryAtLaScale() throws Exception {
        users.save(new UserAdministration.NewUser("bench.sw", "benchmark-password", "Sam Social", Set.of(Role.SOCIAL_WORKER),
                Set.of(), null));
        int schoolCount = Math.max(1, PUPILS / PUPILS_PER_SCHOOL);
        long marks = 0;
        long loadNanos = 0;
        var rolls = new ArrayList<List<PupilRow>>();
        for (int s = 0; s < schoolCount; s++) {
            School school = school(s, LA);
            List<PupilRow> roll = pupils(school, s);
            rolls.add(roll);
            String csv = registerCsv(roll, calendars.forYears(school.getUrn(), List.of(YEAR)));
            long start = System.nanoTime();
            RegisterLoadResult result = loader.load(school, parser.parseCsv(new StringReader(csv)),
                    RECORDER, TODAY);
            loadNanos += System.nanoTime() - start;
            if (!result.rejected().isEmpty()) {
                throw new IllegalStateException("rows rejected: " + result.rejected().subList(0, 3));
            }
            marks += result.accepted();
            if ((s + 1) % 10 == 0 || s == schoolCount - 1) {
                print("  %d schools, %,d pupils, %,d marks loaded", s + 1, (s + 1) * PUPILS_PER_SCHOOL, marks);
            }
        }
        School emptySchool = school(schoolCount, EMPTY_LA);

        long start = System.nanoTime();
        int refreshed = aggregates.refreshAll();
        long refreshNanos = System.nanoTime() - start;
        print("RESULT %,d marks loaded in %.1f s; dashboard aggregates of %d schools (%,d pupils) worked out in %.1f s",
                marks, seconds(loadNanos), refreshed, PUPILS, seconds(refreshNanos));

        start = System.nanoTime();
        int opened = openCases(rolls);
        print("RESULT %,d open cases started at their steps in %.1f s, %,d open tasks", opened,
                seconds(System.nanoTime() - start), tasks.createTaskQuery().count());
        jdbc.execute("vacuum analyze");

        String school0 = String.format("8%05d", 0);
        var laOfficer = staff("bench.la", Role.LA_OFFICER, Set.of(), LA);
        var laManager = staff("bench.lamanager", Role.MANAGER, Set.of(), LA);
        var emptyLaOfficer = staff("bench.emptyla", Role.LA_OFFICER, Set.of(), EMPTY_LA);
        var head = staff("bench.head", Role.HEADTEACHER, Set.of(school0), null);
        var emptyHead = staff("bench.emptyhead", Role.HEADTEACHER, Set.of(emptySchool.getUrn()), null);
        var schoolManager = staff("bench.manager", Role.MANAGER, Set.of(school0), null);
        var socialWorker = staff("bench.sw", Role.SOCIAL_WORKER, Set.of(), null);
        var virtualSchool = staff("bench.vsh", Role.VIRTUAL_SCHOOL_HEAD, Set.of(), LA);

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String la = "/dashboard/las/" + LA;
        String school = "/dashboard/schools/" + school0;
        String halfTerm = "from=2026-04-13&to=2026-05-22";
        var measured = new LinkedHashMap<String, Callable<Object>>();
        measured.put("baseline: GET /dashboard/las/{empty LA}", () -> page(mvc, emptyLaOfficer, "/dashboard/las/" + EMPTY_LA));
        measured.put("baseline: GET /dashboard/schools/{empty school}", () -> page(mvc, emptyHead,
                "/dashboard/schools/" + emptySchool.getUrn()));
        measured.put("baseline: GET /api/las/{empty LA}/attendance-summary", () -> page(mvc, emptyLaOfficer,
                "/api/las/" + EMPTY_LA + "/attendance-summary"));
        measured.put("GET /dashboard/las/{la} (LA officer)", () -> page(mvc, laOfficer, la));
        measured.put("GET /dashboard/schools/{urn} (headteacher)", () -> page(mvc, head, school));
        measured.put("GET /dashboard/las/{la}?yearGroup=9&cohort=FSM", () -> page(mvc, laOfficer,
                la + "?yearGroup=9&cohort=FSM"));
        measured.put("GET .../virtual-school (Virtual School Head)", () -> page(mvc, virtualSchool, la + "/virtual-school"));
        measured.put("GET .../virtual-school/children", () -> page(mvc, virtualSchool, la + "/virtual-school/children"));
        measured.put("GET /caseload (social worker, 20 pupils)", () -> page(mvc, socialWorker, "/caseload"));
        measured.put("GET /dashboard/las/{la}/casework (LA manager)", () -> page(mvc, laManager, la + "/casework"));
        measured.put("GET /dashboard/schools/{urn}/casework (manager)", () -> page(mvc, schoolManager, school + "/casework"));
        measured.put("GET /dashboard/las/{la}/casework/process", () -> page(mvc, laManager, la + "/casework/process"));
        measured.put("GET /dashboard/las/{la}/casework/tasks", () -> page(mvc, laManager, la + "/casework/tasks"));
        measured.put("GET /dashboard/las/{la}/targeting", () -> page(mvc, laOfficer, la + "/targeting"));
        measured.put("GET /dashboard/schools/{urn}/targeting", () -> page(mvc, laOfficer, school + "/targeting"));
        measured.put("GET /dashboard/schools/{urn}/targeting.pdf", () -> page(mvc, laOfficer, school + "/targeting.pdf"));
        // The first request after the pack changed: the PDF kept for the old content no longer fits, so it is made.
        measured.put("GET /dashboard/schools/{urn}/targeting.pdf, first after a change", () -> {
            jdbc.update("delete from dashboard_targeting_pdf where school_urn = ?", school0);
            return page(mvc, laOfficer, school + "/targeting.pdf");
        });
        measured.put("GET /dashboard/las/{la}/pupils?measure=severe", () -> page(mvc, laOfficer,
                la + "/pupils?measure=severe"));
        measured.put("GET /dashboard/schools/{urn}/pupils?measure=persistent", () -> page(mvc, head,
                school + "/pupils?measure=persistent"));
        measured.put("GET /api/las/{la}/attendance-summary", () -> page(mvc, laOfficer, "/api/las/" + LA
                + "/attendance-summary"));
        measured.put("GET /api/las/{la}/attendance-summary?yearGroup=9", () -> page(mvc, laOfficer, "/api/las/" + LA
                + "/attendance-summary?yearGroup=9"));
        measured.put("GET /api/las/{la}/attendance-summary?cohort=FSM", () -> page(mvc, laOfficer, "/api/las/" + LA
                + "/attendance-summary?cohort=FSM"));
        measured.put("GET /api/las/{la}/attendance-summary?yearGroup=9&cohort=FSM", () -> page(mvc, laOfficer,
                "/api/las/" + LA + "/attendance-summary?yearGroup=9&cohort=FSM"));
        measured.put("GET /api/las/{la}/attendance-summary (a half term)", () -> page(mvc, laOfficer, "/api/las/" + LA
                + "/attendance-summary?" + halfTerm));
        measured.put("GET /api/schools/{urn}/attendance-summary", () -> page(mvc, head, "/api/schools/" + school0
                + "/attendance-summary"));
        measured.put("GET /api/schools/{urn}/attendance-summary (a half term)", () -> page(mvc, head, "/api/schools/"
                + school0 + "/attendance-summary?" + halfTerm));
        print("LA summary: %s", body(mvc, laOfficer, "/api/las/" + LA + "/attendance-summary"));
        print("Empty LA summary: %s", body(mvc, emptyLaOfficer, "/api/las/" + EMPTY_LA + "/attendance-summary"));
        for (var entry : measured.entrySet()) {
            print("  %s: %,d bytes", entry.getKey(), (Integer) entry.getValue().call());
        }

        Map<String, Timing> timings = time(measured, WARM_UP, ITERATIONS);
        print("RESULT %,d pupils, %,d marks, %,d open cases; %d warm-up rounds then %d timed rounds, %d cores", PUPILS,
                marks, opened, WARM_UP, ITERATIONS, Runtime.getRuntime().availableProcessors());
        timings.forEach((what, timing) -> print("RESULT %s", timing.describe(what, 62, 1)));
        double emptyLa = timings.get("baseline: GET /dashboard/las/{empty LA}").median();
        double emptySchoolPage = timings.get("baseline: GET /dashboard/schools/{empty school}").median();
        double emptyApi = timings.get("baseline: GET /api/las/{empty LA}/attendance-summary").median();
        print("RESULT ratio LA dashboard / empty LA dashboard (medians) = %.1f",
                timings.get("GET /dashboard/las/{la} (LA officer)").median() / emptyLa);
        print("RESULT ratio school dashboard / empty school dashboard (medians) = %.1f",
                timings.get("GET /dashboard/schools/{urn} (headteacher)").median() / emptySchoolPage);
        print("RESULT ratio LA summary API / empty LA summary API (medians) = %.1f",
                timings.get("GET /api/las/{la}/attendance-summary").median() / emptyApi);
        print("RESULT load average %s", loadAverage());
    }

    record PupilRow(long id, String upn, double absenceRate) {
    }

    private School school(int index, String la) {
        return BenchmarkSupport.school(schools, new SchoolData(String.format("8%05d", index), "Benchmark School " + index,
                la, index % 2 == 0 ? Phase.SECONDARY : Phase.PRIMARY, LocalTime.of(8, 55)));
    }

    /** Pupils with the cohorts of a typical LA: about a quarter FSM, one in eight SEN support, a few of each other. */
    private List<PupilRow> pupils(School school, int schoolIndex) {
        var data = new ArrayList<PupilData>(PUPILS_PER_SCHOOL);
        var rates = new HashMap<String, Double>();
        boolean secondary = school.getPhase() == Phase.SECONDARY;
        for (int p = 0; p < PUPILS_PER_SCHOOL; p++) {
            String upn = BenchmarkSupport.upn(LA, schoolIndex, p);
            var cohorts = EnumSet.noneOf(Cohort.class);
            addIf(cohorts, Cohort.FSM, 0.25);
            addIf(cohorts, Cohort.SEN_SUPPORT, 0.12);
            addIf(cohorts, Cohort.EHCP, 0.025);
            addIf(cohorts, Cohort.MEDICAL, 0.05);
            addIf(cohorts, Cohort.CHILD_IN_NEED, 0.03);
            addIf(cohorts, Cohort.CHILD_PROTECTION, 0.01);
            addIf(cohorts, Cohort.LOOKED_AFTER, 0.01);
            addIf(cohorts, Cohort.PREVIOUSLY_LOOKED_AFTER, 0.01);
            boolean caseload = schoolIndex < 20 && p == 7;
            if (caseload) {
                cohorts.add(Cohort.CHILD_IN_NEED);
            }
            LocalDate admitted = random.nextDouble() < 0.03 ? LocalDate.of(2026, 1, 5) : LocalDate.of(2025, 9, 1);
            int yearGroup = secondary ? 7 + p % 5 : p % 7;
            data.add(new PupilData(upn, "Pupil", "Number " + p, LocalDate.of(2012, 1, 1).plusDays(p % 365), yearGroup,
                    admitted, cohorts, caseload ? "bench.sw" : null,
                    List.of(BenchmarkSupport.parent(p))));
            rates.put(upn, random.nextDouble() < 0.15 ? 0.10 + random.nextDouble() * 0.45 : random.nextDouble() * 0.08);
        }
        schools.savePupils(school.getUrn(), data);
        return jdbc.query("select id, upn, admission_date from pupil where school_urn = ? order by id",
                (rs, i) -> new PupilRow(rs.getLong(1), rs.getString(2), rates.get(rs.getString(2))), school.getUrn());
    }

    private void addIf(Set<Cohort> cohorts, Cohort cohort, double share) {
        if (random.nextDouble() < share) {
            cohorts.add(cohort);
        }
    }

    /**
     * A year of marks to the Friday before today: most pupils present about 96 % of sessions, 15 % persistently
     * absent, the usual mix of codes; N only in the last week (not yet resolved), as a school that keeps to the five
     * days would leave it, and a pupil who joined in January marked from then.
     */
    private String registerCsv(List<PupilRow> roll, SchoolCalendar calendar) {
        String[] absences = {"I", "I", "I", "M", "O", "G", "U", "C", "R", "E"};
        LocalDate lastWeek = TODAY.minusDays(7);
        var csv = new StringBuilder(roll.size() * 400 * 32).append(BenchmarkSupport.CSV_HEADER);
        var admitted = new HashMap<String, LocalDate>();
        jdbc.query("select upn, admission_date from pupil where id = any(?)", rs -> {
            admitted.put(rs.getString(1), rs.getDate(2).toLocalDate());
        }, (Object) roll.stream().map(PupilRow::id).toArray(Long[]::new));
        for (PupilRow pupil : roll) {
            for (LocalDate day = admitted.get(pupil.upn()); day.isBefore(TODAY); day = day.plusDays(1)) {
                for (Session session : Session.values()) {
                    if (!calendar.isOpen(day, session)) {
                        continue;
                    }
                    LocalDate markDay = day;
                    BenchmarkSupport.appendMark(csv, random, pupil.upn(), day, session, pupil.absenceRate(),
                            () -> markDay.isAfter(lastWeek) && random.nextDouble() < 0.5 ? "N"
                                    : absences[random.nextInt(absences.length)]);
                }
            }
        }
        return csv.toString();
    }

    /** The real case process, each case started at a step of its stage (process instance modification). */
    private int openCases(List<List<PupilRow>> rolls) {
        String[][] steps = {{"FIRST_DAY_CONTACT", "contact-parents"}, {"LETTER", "review-letter"},
                {"LETTER", "review-letter"}, {"MEETING", "meeting"}, {"SUPPORT_PLAN", "review-plan"},
                {"NOTICE_TO_IMPROVE", "consider-notice"}, {"MONITORING", "recovered"}};
        var transaction = new TransactionTemplate(transactions);
        int perSchool = Math.max(1, CASES / rolls.size());
        int opened = 0;
        for (int s = 0; s < rolls.size(); s++) {
            String urn = String.format("8%05d", s);
            var candidates = rolls.get(s).stream().sorted((a, b) -> Double.compare(b.absenceRate(), a.absenceRate()))
                    .limit(perSchool).toList();
            int first = opened;
            transaction.executeWithoutResult(status -> {
                int n = first;
                for (PupilRow pupil : candidates) {
                    String[] step = steps[n % steps.length];
                    var id = cases.openIfAbsent(pupil.id(), pupil.upn(), YEAR.toString(), urn, LA,
                            Stage.valueOf(step[0])).orElseThrow();
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("caseId", id.toString());
                    variables.put("upn", pupil.upn());
                    variables.put("schoolUrn", urn);
                    variables.put("laCode", LA);
                    variables.put("socialWorker", null);
                    variables.put("lookedAfter", false);
                    variables.put("sendOrMedical", false);
                    variables.put("attendancePercent", "85.0");
                    variables.put("unexplainedDays", 1);
                    variables.put("absenceDate", TODAY.minusDays(3).toString());
                    String instance = runtime.createProcessInstanceByKey("attendance-case")
                            .businessKey(pupil.upn() + "-" + YEAR).setVariables(variables)
                            .startBeforeActivity(step[1]).execute().getId();
                    cases.linkProcess(id, instance);
                    n++;
                }
            });
            opened += candidates.size();
            if ((s + 1) % 10 == 0) {
                print("  %,d cases opened", opened);
            }
        }
        var open = tasks.createTaskQuery().list();
        for (int i = 0; i < open.size(); i += 10) {
            tasks.setAssignee(open.get(i).getId(), "bench.officer." + (i % 7));
        }
        return opened;
    }

    private static StaffUser staff(String username, Role role, Set<String> schools, String la) {
        return new StaffUser(username, "unused", username, Set.of(role), schools, la, true);
    }

    private static Object page(MockMvc mvc, StaffUser who, String path) throws Exception {
        var response = mvc.perform(get(path).with(user(who))).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.getStatus());
        }
        return response.getContentAsByteArray().length;
    }

    private static String body(MockMvc mvc, StaffUser who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who))).andReturn().getResponse().getContentAsString();
    }
}
