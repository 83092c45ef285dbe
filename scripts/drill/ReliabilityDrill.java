import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reliability drill (docs/operations.md, "The reliability drill"): two application nodes built from this checkout
 * on one PostgreSQL, with a mail server that can be stopped, driven through the public API as an MIS and school staff
 * would. Three scenarios, each measured: (a) a node killed (SIGKILL) in the middle of a register load, (b) the
 * database stopped for 30 s during traffic, (c) the mail server stopped while letters are being sent. Run it with
 * scripts/reliability-drill.sh, which builds the jar, finds or installs PostgreSQL and puts the JDBC driver and
 * Jackson (from the jar) on the class path.
 *
 * Every process it starts is stopped by PID at the end, also after a failure or Ctrl+C.
 */
public class ReliabilityDrill {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String LA = "941";
    static final String PASSWORD = "drill-officer-passphrase";
    static final String ADMIN_PASSWORD = "drill-admin-passphrase-2026";
    static final String DB_PASSWORD = "drill-database-password";
    static final int SCHOOLS = 4;
    static final int PUPILS_PER_SCHOOL = 60;

    final Settings settings;
    final Postgres postgres;
    final SmtpSink smtp;
    final Node[] nodes;
    final Figures figures = new Figures();
    final Ledger ledger = new Ledger();
    final List<School> schools = new ArrayList<>();
    final List<LocalDate> schoolDays;

    ReliabilityDrill(Settings settings) {
        this.settings = settings;
        this.postgres = new Postgres(settings);
        this.smtp = new SmtpSink(settings.smtpPort);
        this.nodes = new Node[] {
                new Node("node 1", settings, settings.ports[0], settings.managementPorts[0]),
                new Node("node 2", settings, settings.ports[1], settings.managementPorts[1])};
        this.schoolDays = schoolDaysOfThisTermSoFar();
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        var drill = new ReliabilityDrill(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(drill::stopEverything, "drill-cleanup"));
        int exit = 1;
        try {
            exit = drill.run();
        } catch (Throwable e) {
            System.err.println("The drill stopped: " + e);
            e.printStackTrace();
        } finally {
            drill.stopEverything();
        }
        System.exit(exit);
    }

    int run() throws Exception {
        log("Load average at the start: " + loadAverage());
        postgres.initAndStart();
        smtp.start();
        Instant0 started = Instant0.now();
        for (Node node : nodes) {
            node.start(postgres, settings);
        }
        for (Node node : nodes) {
            node.awaitReady(Duration.ofMinutes(15));
        }
        figures.add("start", "two nodes started together on an empty database, both ready", seconds(started.elapsed()));
        setUp();
        baseline();
        scenarioNodeKilled();
        scenarioDatabaseStopped();
        scenarioMailServerStopped();
        finalChecks();
        String summary = figures.table();
        System.out.println();
        System.out.println(summary);
        Files.writeString(settings.work.resolve("summary.md"), figures.markdown(settings));
        if (settings.writeDocs) {
            figures.writeInto(settings.docs, settings);
            log("Figures written into " + settings.docs);
        }
        return figures.failures.isEmpty() ? 0 : 2;
    }

    // ---------------------------------------------------------------------------------------------- set-up

    void setUp() throws Exception {
        Api admin = nodes[0].api("admin", ADMIN_PASSWORD);
        String year = academicYear(LocalDate.now(LONDON));
        LocalDate firstDay = LocalDate.of(Integer.parseInt(year.substring(0, 4)), 9, 1);
        for (int s = 0; s < SCHOOLS; s++) {
            School school = new School(String.format("9%05d", 41001 + s), "Drill School " + (s + 1));
            schools.add(school);
            admin.expect2xx(admin.postJson("/api/schools", Map.of("urn", school.urn, "name", school.name, "laCode", LA,
                    "phase", "PRIMARY", "registerClosesAt", "09:15")), "create school");
            admin.expect2xx(admin.putJson("/api/schools/" + school.urn + "/calendar/" + year, Map.of(
                    "terms", List.of(Map.of("start", firstDay.toString(), "end", firstDay.plusMonths(10).plusDays(20).toString())),
                    "closures", List.of())), "calendar");
            school.officer = "officer.drill" + (s + 1);
            admin.expect2xx(admin.postJson("/api/users", Map.of("username", school.officer, "password", PASSWORD,
                    "displayName", "Drill officer " + (s + 1), "roles", List.of("ATTENDANCE_OFFICER"),
                    "schools", List.of(school.urn), "email", school.officer + "@drill.example")), "create officer");
            var pupils = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < PUPILS_PER_SCHOOL; i++) {
                String upn = upn(s, i);
                school.upns.add(upn);
                pupils.add(Map.of("upn", upn, "forename", "Drill", "surname", "Pupil" + s + "x" + i,
                        "dateOfBirth", "2017-03-04", "yearGroup", 4, "admissionDate", firstDay.minusYears(1).toString(),
                        "parents", List.of(Map.of("name", "Parent " + s + "x" + i, "relationship", "Mother",
                                "parentalResponsibility", true, "livesWithPupil", true,
                                "email", "parent." + s + "x" + i + "@drill.example", "phone", "07700 900000",
                                "address", "1 Drill Street, Northtown"))));
            }
            admin.expect2xx(admin.postJson("/api/schools/" + school.urn + "/pupils", pupils), "create pupils");
        }
        log("Set up through the API: LA " + LA + ", " + SCHOOLS + " schools with calendars, " + SCHOOLS * PUPILS_PER_SCHOOL
                + " pupils with a parent each, an attendance officer per school");
    }

    /** The first 20 school days for every school, one load per school, spread over both nodes. */
    void baseline() throws Exception {
        Instant0 t = Instant0.now();
        var results = parallelLoads(days(0, 20), List.of(nodes[0], nodes[1], nodes[0], nodes[1]));
        for (LoadResult r : results) {
            require(r.status == 200, "baseline load answered " + r.status + ": " + r.body);
        }
        awaitSettled("baseline", Duration.ofMinutes(10));
        awaitTasks("review-letter", schools.size() * expectedLetterPupils(), Duration.ofMinutes(15));
        figures.add("baseline", "4 loads of 20 days (2,400 marks each) stored and every snapshot fresh",
                seconds(t.elapsed()));
    }

    // ---------------------------------------------------------------------------------------------- scenario (a)

    void scenarioNodeKilled() throws Exception {
        log("Scenario (a): parallel loads on both nodes, then node 2 killed (SIGKILL) in the middle of a load");
        Node survivor = nodes[0];
        Node victim = nodes[1];
        // Two rounds of four parallel loads (5 days each), to learn how long a load takes here.
        var durations = new ArrayList<Long>();
        for (int round = 0; round < 2; round++) {
            for (LoadResult r : parallelLoads(days(20 + round * 5, 5), List.of(survivor, victim, survivor, victim))) {
                require(r.status == 200, "load answered " + r.status + ": " + r.body);
                durations.add(r.millis);
            }
        }
        Collections.sort(durations);
        long median = durations.get(durations.size() / 2);
        figures.add("a", "register load of 600 marks, median of 8 in parallel pairs", median + " ms");

        // Round 3: the survivor's two schools in parallel; on the victim, school 2's load, and as soon as it has been
        // answered school 4's, killed half-way through (its recalculation for school 2 is likely still running).
        String victimId = victim.nodeId();
        List<LocalDate> round3 = days(30, 5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Future<LoadResult> s1 = pool.submit(() -> load(survivor, schools.get(0), round3));
        Future<LoadResult> s3 = pool.submit(() -> load(survivor, schools.get(2), round3));
        LoadResult answered = load(victim, schools.get(1), round3);
        require(answered.status == 200, "school 2's load answered " + answered.status);
        Future<LoadResult> interrupted = pool.submit(() -> load(victim, schools.get(3), round3));
        Thread.sleep(Math.max(50, median / 2));
        Instant0 killedAt = Instant0.now();
        victim.kill9();
        String killLoad = loadAverage();
        LoadResult cut = interrupted.get(10, TimeUnit.MINUTES);
        int incompleteOfVictim = postgres.queryInt(
                "select count(*) from event_publication where completion_date is null and node = '" + victimId + "'");
        figures.add("a", "answer to the load cut by the kill", cut.status == 0 ? "no answer (" + cut.body + ")" : cut.status + " " + cut.body, killLoad);
        figures.check("a", "the cut load was not answered 2xx unless stored",
                !(cut.status >= 200 && cut.status < 300) || storedCount(schools.get(3), round3) == marksIn(schools.get(3), round3));
        int storedOfCut = storedCount(schools.get(3), round3);
        figures.add("a", "marks of the cut load in the database (all or nothing)",
                storedOfCut + " of " + marksIn(schools.get(3), round3));
        figures.check("a", "the cut load is all or nothing", storedOfCut == 0 || storedOfCut == marksIn(schools.get(3), round3));
        figures.add("a", "event publications the killed node left incomplete", String.valueOf(incompleteOfVictim));
        require(s1.get(10, TimeUnit.MINUTES).status == 200 && s3.get(10, TimeUnit.MINUTES).status == 200,
                "the survivor's loads failed");
        pool.shutdown();
        int staleAtKill = fastStaleCount();
        figures.add("a", "stale snapshots just after the kill (figures behind the marks)", String.valueOf(staleAtKill));

        // The MIS sends the cut load again, to the survivor (the load balancer's choice).
        LoadResult resent = load(survivor, schools.get(3), round3);
        figures.add("a", "the cut load sent again to the survivor", resent.status + " " + resent.body);

        Duration fresh = awaitSettledFrom("a", killedAt, Duration.ofMinutes(10));
        figures.add("a", "time from the kill until the dead node's publications are resubmitted and every snapshot is fresh",
                fresh == null ? "NOT within 10 min" : seconds(fresh));
        figures.check("a", "figures fresh within a minute of a node's death", fresh != null && fresh.toSeconds() < 60);
        marksLost("a");
        staleSnapshots("a");

        Instant0 restart = Instant0.now();
        victim.start(postgres, settings);
        victim.awaitReady(Duration.ofMinutes(15));
        figures.add("a", "node 2 started again, ready", seconds(restart.elapsed()));
    }

    // ---------------------------------------------------------------------------------------------- scenario (b)

    void scenarioDatabaseStopped() throws Exception {
        log("Scenario (b): traffic on both nodes; PostgreSQL stopped for 30 s, then started again");
        var answers = new ConcurrentHashMap<String, AtomicInteger>();
        var problems = new CopyOnWriteArrayList<String>();
        var phase = new java.util.concurrent.atomic.AtomicReference<>("before");
        var firstOkAfter = new ConcurrentHashMap<String, Long>();
        var pendingLoads = new CopyOnWriteArrayList<Object[]>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<LocalDate> outageDays = days(35, 15);
        AtomicInteger nextDay = new AtomicInteger();
        long[] restartedAt = {0};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        var futures = new ArrayList<Future<?>>();
        for (int n = 0; n < 2; n++) {
            Node node = nodes[n];
            for (int worker = 0; worker < 2; worker++) {
                int w = worker;
                futures.add(pool.submit(() -> {
                    while (running.get()) {
                        try {
                            String p = phase.get();
                            int d = nextDay.getAndIncrement();
                            School school = schools.get((w * 2 + (d % 2)) % SCHOOLS);
                            LoadResult r;
                            if (d < outageDays.size() * SCHOOLS && w == 0) {
                                List<LocalDate> day = List.of(outageDays.get(d / SCHOOLS));
                                r = load(node, school, day);
                                if (r.status != 200) {
                                    pendingLoads.add(new Object[] {school, day});
                                }
                            } else {
                                r = toResult(node.api(school.officer, PASSWORD).get("/api/schools/" + school.urn + "/pupils"), 0);
                            }
                            String key = p + " " + (w == 0 ? "load" : "read") + " " + (r.status == 0 ? "no answer" : r.status);
                            answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                            if ("outage".equals(p) && r.status == 503 && !r.body.contains("\"error\"")) {
                                problems.add("503 without the JSON error: " + r.body);
                            }
                            if (r.status == 200 && r.body.isBlank()) {
                                problems.add("200 with an empty body during " + p);
                            }
                            if ("after".equals(p) && r.status >= 200 && r.status < 300) {
                                firstOkAfter.putIfAbsent(node.name, System.nanoTime());
                            }
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            problems.add(e.toString());
                        }
                    }
                }));
            }
        }
        Thread.sleep(10_000);
        phase.set("outage");
        String outageLoad = loadAverage();
        postgres.stop();
        Instant0 down = Instant0.now();
        Map<String, Integer> readinessDuring = new TreeMap<>();
        while (down.elapsed().toSeconds() < 30) {
            for (Node node : nodes) {
                readinessDuring.merge(node.name + " readiness " + node.readiness(), 1, Integer::sum);
            }
            Thread.sleep(2000);
        }
        phase.set("after");
        postgres.start();
        restartedAt[0] = System.nanoTime();
        Instant0 up = Instant0.now();
        boolean bothReady = waitFor(Duration.ofMinutes(5), () -> firstOkAfter.size() == 2
                && nodes[0].readiness() == 200 && nodes[1].readiness() == 200);
        Duration readyAfter = up.elapsed();
        Thread.sleep(5000);
        running.set(false);
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        figures.add("b", "answers by phase (load = register upload, read = pupil list)", answers.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + "; " + b)
                .orElse(""), outageLoad);
        figures.add("b", "readiness during the outage (polled every 2 s)", readinessDuring.toString());
        int unauthorised = answers.entrySet().stream().filter(e -> e.getKey().startsWith("outage") && e.getKey().endsWith(" 401"))
                .mapToInt(e -> e.getValue().get()).sum();
        figures.check("b", "no 401 for valid credentials during the outage", unauthorised == 0);
        figures.check("b", "every 503 carried the JSON error, no 200 with an empty body", problems.isEmpty());
        if (!problems.isEmpty()) {
            figures.add("b", "problems", problems.subList(0, Math.min(5, problems.size())).toString());
        }
        for (Node node : nodes) {
            Long ok = firstOkAfter.get(node.name);
            figures.add("b", node.name + ": first 2xx after the database was back",
                    ok == null ? "none" : seconds(Duration.ofNanos(ok - restartedAt[0])));
        }
        figures.add("b", "both nodes serving and ready again after the database was back",
                bothReady ? seconds(readyAfter) : "NOT within 5 min");
        figures.check("b", "serving again within a minute of the database's return", bothReady && readyAfter.toSeconds() < 60);
        // The MIS sends the refused loads again.
        int resent = 0;
        for (Object[] pending : pendingLoads) {
            @SuppressWarnings("unchecked") List<LocalDate> day = (List<LocalDate>) pending[1];
            LoadResult r = load(nodes[resent % 2], (School) pending[0], day);
            require(r.status == 200, "a load sent again after the outage answered " + r.status + ": " + r.body);
            resent++;
        }
        figures.add("b", "loads refused during the outage and sent again afterwards", String.valueOf(resent));
        awaitSettled("b", Duration.ofMinutes(10));
        marksLost("b");
        staleSnapshots("b");
    }

    // ---------------------------------------------------------------------------------------------- scenario (c)

    void scenarioMailServerStopped() throws Exception {
        log("Scenario (c): letters sent while the mail server is stopped and started again");
        int sentBefore = smtp.deliveries().size();
        int pendingBefore = postgres.queryInt("select count(*) from outbox_message where status <> 'SENT'");
        require(pendingBefore == 0, pendingBefore + " e-mails were still unsent before the mail scenario");
        var work = new ArrayList<String[]>();   // {officer, task id}
        for (School school : schools) {
            Api api = nodes[0].api(school.officer, PASSWORD);
            for (JsonNode task : JSON.readTree(api.get("/api/tasks").body())) {
                if ("review-letter".equals(task.path("taskKey").asText())) {
                    work.add(new String[] {school.officer, task.path("id").asText()});
                }
            }
        }
        require(!work.isEmpty(), "no 'Review the letter to the parents' task to complete");
        AtomicInteger completed = new AtomicInteger();
        var failures = new CopyOnWriteArrayList<String>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int third = work.size() / 3;
        var futures = new ArrayList<Future<?>>();
        for (int n = 0; n < 2; n++) {
            Node node = nodes[n];
            int first = n;
            futures.add(pool.submit(() -> {
                for (int i = first; i < work.size(); i += 2) {
                    String[] w = work.get(i);
                    try {
                        Api api = node.api(w[0], PASSWORD);
                        api.post("/api/tasks/" + w[1] + "/claim", "", "application/json");
                        var done = api.postJson("/api/tasks/" + w[1] + "/complete", Map.of("letterDecision", "SEND",
                                "contactName", "Mrs Drill, attendance officer", "contactPhone", "01234 567890"));
                        if (done.statusCode() / 100 != 2) {
                            failures.add(done.statusCode() + " " + done.body());
                        }
                        completed.incrementAndGet();
                        Thread.sleep(300);
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
                return null;
            }));
        }
        // Stop the mail server once a few letters have gone out, with the rest still being written and sent.
        waitFor(Duration.ofMinutes(10), () -> completed.get() >= third && smtp.deliveries().size() > sentBefore);
        String stopLoad = loadAverage();
        smtp.stop();
        Instant0 stopped = Instant0.now();
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.MINUTES);
        }
        pool.shutdown();
        long remaining = 45 - stopped.elapsed().toSeconds();
        if (remaining > 0) {
            Thread.sleep(remaining * 1000);
        }
        int pendingAtRestart = postgres.queryInt("select count(*) from outbox_message where status = 'PENDING'");
        int retriedAtRestart = postgres.queryInt("select count(*) from outbox_message where status = 'PENDING' and attempts > 0");
        Duration downFor = stopped.elapsed();
        smtp.start();
        Instant0 restarted = Instant0.now();
        figures.add("c", "tasks completed (letter: SEND), mail server down for", work.size() + " tasks, " + seconds(downFor)
                + (failures.isEmpty() ? "" : "; failures: " + failures.subList(0, Math.min(3, failures.size()))), stopLoad);
        figures.add("c", "e-mails waiting when the mail server came back (of them retried after a failure)",
                pendingAtRestart + " (" + retriedAtRestart + ")");
        boolean letters = waitFor(Duration.ofMinutes(5), () -> postgres.queryInt(
                "select count(*) from letter where template_key is not null") >= 0
                && postgres.queryInt("select count(*) from outbox_message where status <> 'SENT'") == 0
                && postgres.queryInt("select count(*) from event_publication where completion_date is null") == 0);
        Duration drained = restarted.elapsed();
        if (!letters) {
            letters = waitFor(Duration.ofMinutes(25), () ->
                    postgres.queryInt("select count(*) from outbox_message where status <> 'SENT'") == 0);
            drained = restarted.elapsed();
        }
        figures.add("c", "time from the mail server's return until the outbox was empty",
                letters ? seconds(drained) : "NOT within 30 min");
        mailDelivery("c");
    }

    void mailDelivery(String scenario) throws SQLException {
        Map<String, Integer> atSink = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        for (SmtpSink.Delivery d : smtp.deliveries()) {
            atSink.merge(d.recipient + " | " + d.subject, 1, Integer::sum);
            ids.merge(d.messageId + " | " + d.recipient, 1, Integer::sum);
        }
        Map<String, Integer> inOutbox = new HashMap<>();
        int unsent = 0;
        try (Connection c = postgres.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select recipient, subject, status from outbox_message")) {
            while (rs.next()) {
                if ("SENT".equals(rs.getString(3))) {
                    inOutbox.merge(rs.getString(1) + " | " + rs.getString(2), 1, Integer::sum);
                } else {
                    unsent++;
                }
            }
        }
        int twice = 0;
        int lost = 0;
        for (var e : inOutbox.entrySet()) {
            int got = atSink.getOrDefault(e.getKey(), 0);
            twice += Math.max(0, got - e.getValue());
            lost += Math.max(0, e.getValue() - got);
        }
        int letters = postgres.queryInt("select count(*) from outbox_message where letter_id is not null");
        int sameIdTwice = (int) ids.values().stream().filter(v -> v > 1).count();
        figures.add(scenario, "e-mails in the outbox (letters), delivered at the mail server",
                inOutbox.values().stream().mapToInt(Integer::intValue).sum() + " (" + letters + "), " + smtp.deliveries().size());
        figures.add(scenario, "e-mails delivered twice (same recipient and subject; same Message-ID)", twice + "; " + sameIdTwice);
        figures.add(scenario, "e-mails marked sent but not delivered; not sent at the end", lost + "; " + unsent);
        figures.check(scenario, "every e-mail delivered exactly once", twice == 0 && lost == 0 && unsent == 0 && sameIdTwice == 0);
    }

    void finalChecks() throws Exception {
        awaitSettled("end", Duration.ofMinutes(10));
        marksLost("end");
        staleSnapshots("end");
        int cases = postgres.queryInt("select count(*) from act_ru_task where task_def_key_ = 'review-letter'");
        int crossings = postgres.queryInt(
                "select count(*) from (select pupil_id, academic_year, kind, crossing, count(*) from attendance_signal_crossing "
                        + "group by 1, 2, 3, 4 having count(*) > 1) twice");
        figures.add("end", "'Review the letter' tasks left open; threshold crossings recorded twice", cases + "; " + crossings);
        figures.check("end", "no crossing recorded twice", crossings == 0);
    }

    // ---------------------------------------------------------------------------------------------- checks

    void marksLost(String scenario) throws SQLException {
        Map<String, String> inDatabase = postgres.marks();
        int lost = 0;
        int wrong = 0;
        for (var e : ledger.confirmed.entrySet()) {
            String found = inDatabase.get(e.getKey());
            if (found == null) {
                lost++;
            } else if (!found.equals(e.getValue())) {
                wrong++;
            }
        }
        figures.add(scenario, "marks the client was told were stored / missing / with another code",
                ledger.confirmed.size() + " / " + lost + " / " + wrong);
        figures.check(scenario, "no mark lost", lost == 0 && wrong == 0);
    }

    /** Each pupil's snapshot (the pupil list) against a recalculation from the marks (the pupil's attendance API). */
    void staleSnapshots(String scenario) throws Exception {
        int stale = 0;
        var examples = new ArrayList<String>();
        for (School school : schools) {
            Api api = nodes[0].alive() ? nodes[0].api(school.officer, PASSWORD) : nodes[1].api(school.officer, PASSWORD);
            var list = api.get("/api/schools/" + school.urn + "/pupils");
            require(list.statusCode() == 200, "pupil list answered " + list.statusCode());
            Map<String, JsonNode> snapshots = new HashMap<>();
            for (JsonNode row : JSON.readTree(list.body())) {
                snapshots.put(row.path("upn").asText(), row);
            }
            for (String upn : school.upns) {
                JsonNode now = JSON.readTree(api.get("/api/pupils/" + upn + "/attendance").body());
                JsonNode snap = snapshots.get(upn);
                boolean same = snap != null;
                for (String field : List.of("possible", "attended", "authorised", "unauthorised")) {
                    same &= snap != null && snap.path(field).asInt() == now.path(field).asInt();
                }
                if (!same) {
                    stale++;
                    if (examples.size() < 3) {
                        examples.add(upn + " snapshot " + (snap == null ? "none" : snap.path("possible") + "/" + snap.path("attended"))
                                + " vs marks " + now.path("possible") + "/" + now.path("attended"));
                    }
                }
            }
        }
        figures.add(scenario, "stale snapshots (pupil list vs recalculation from the marks), of " + SCHOOLS * PUPILS_PER_SCHOOL,
                stale + (examples.isEmpty() ? "" : " e.g. " + examples));
        figures.check(scenario, "no stale snapshot after recovery", stale == 0);
    }

    /** Pupils whose snapshot counts fewer or more possible sessions than they have marks (all drill codes count). */
    int fastStaleCount() {
        return postgres.queryInt("""
                select count(*) from pupil p
                left join attendance_snapshot s on s.pupil_id = p.id and s.academic_year = '%s'
                where exists (select 1 from session_mark m where m.pupil_id = p.id)
                  and coalesce(s.possible, -1) <> (select count(*) from session_mark m
                                                   where m.pupil_id = p.id and m.mark_date >= '%s')"""
                .formatted(academicYear(schoolDays.get(0)), schoolDays.get(0)));
    }

    void awaitSettled(String scenario, Duration timeout) {
        if (awaitSettledFrom(scenario, Instant0.now(), timeout) == null) {
            figures.check(scenario, "publications handled and snapshots fresh within " + timeout.toMinutes() + " min", false);
        }
    }

    Duration awaitSettledFrom(String scenario, Instant0 from, Duration timeout) {
        boolean settled = waitFor(timeout, () ->
                postgres.queryInt("select count(*) from event_publication where completion_date is null") == 0
                        && fastStaleCount() == 0);
        return settled ? from.elapsed() : null;
    }

    void awaitTasks(String key, int atLeast, Duration timeout) {
        boolean ok = waitFor(timeout, () -> postgres.queryInt(
                "select count(*) from act_ru_task where task_def_key_ = '" + key + "'") >= atLeast);
        require(ok, "expected at least " + atLeast + " '" + key + "' tasks within " + timeout.toMinutes() + " min");
    }

    int expectedLetterPupils() {
        int n = 0;
        for (int i = 0; i < PUPILS_PER_SCHOOL; i++) {
            if (i % 4 == 0) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------- loads

    List<LoadResult> parallelLoads(List<LocalDate> days, List<Node> byschool) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SCHOOLS);
        var futures = new ArrayList<Future<LoadResult>>();
        for (int s = 0; s < SCHOOLS; s++) {
            School school = schools.get(s);
            Node node = byschool.get(s);
            futures.add(pool.submit(() -> load(node, school, days)));
        }
        var results = new ArrayList<LoadResult>();
        for (Future<LoadResult> f : futures) {
            results.add(f.get(20, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return results;
    }

    LoadResult load(Node node, School school, List<LocalDate> days) {
        var csv = new StringBuilder("upn,date,session,code\n");
        var marks = new LinkedHashMap<String, String>();
        for (int i = 0; i < school.upns.size(); i++) {
            for (LocalDate day : days) {
                int k = schoolDays.indexOf(day);
                for (String session : List.of("AM", "PM")) {
                    String code = code(i, k, session);
                    String upn = school.upns.get(i);
                    csv.append(upn).append(',').append(day).append(',').append(session).append(',').append(code).append('\n');
                    marks.put(upn + "|" + day + "|" + session, code);
                }
            }
        }
        long t = System.nanoTime();
        LoadResult result;
        try {
            result = toResult(node.api(school.officer, PASSWORD).post("/api/schools/" + school.urn + "/marks",
                    csv.toString(), "text/csv"), t);
        } catch (Exception e) {
            result = new LoadResult(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    (System.nanoTime() - t) / 1_000_000);
        }
        if (result.status >= 200 && result.status < 300) {
            ledger.confirmed.putAll(marks);
        }
        return result;
    }

    static LoadResult toResult(HttpResponse<String> response, long startedNanos) {
        String body = response.body() == null ? "" : response.body();
        return new LoadResult(response.statusCode(), body.length() > 300 ? body.substring(0, 300) + "..." : body,
                startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /**
     * The drill's register: every fourth pupil is absent (O) one morning in eight, so falls below 95 % and gets a
     * letter; every seventh has two sessions of illness; everyone else is present.
     */
    static String code(int pupil, int dayIndex, String session) {
        if (pupil % 4 == 0 && dayIndex % 8 == 3 && "AM".equals(session)) {
            return "O";
        }
        if (pupil % 7 == 1 && dayIndex == 5) {
            return "I";
        }
        return "AM".equals(session) ? "/" : "\\";
    }

    int marksIn(School school, List<LocalDate> days) {
        return school.upns.size() * days.size() * 2;
    }

    int storedCount(School school, List<LocalDate> days) {
        return postgres.queryInt("select count(*) from session_mark m join pupil p on p.id = m.pupil_id "
                + "where p.upn in ('" + String.join("','", school.upns) + "') and m.mark_date between '" + days.get(0)
                + "' and '" + days.get(days.size() - 1) + "'");
    }

    List<LocalDate> days(int from, int count) {
        require(from + count <= schoolDays.size(), "the term has only " + schoolDays.size() + " school days so far; the drill "
                + "needs " + (from + count) + " (run it from mid-October)");
        return schoolDays.subList(from, from + count);
    }

    static List<LocalDate> schoolDaysOfThisTermSoFar() {
        LocalDate today = LocalDate.now(LONDON);
        LocalDate day = LocalDate.of(Integer.parseInt(academicYear(today).substring(0, 4)), 9, 1);
        var days = new ArrayList<LocalDate>();
        for (; day.isBefore(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    static String academicYear(LocalDate day) {
        int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    static String upn(int school, int pupil) {
        String twelve = String.format("9419%02d26%04d", school, pupil);
        String alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i + 2);
        }
        return alphabet.charAt(sum % 23) + twelve;
    }

    // ---------------------------------------------------------------------------------------------- clean-up

    void stopEverything() {
        for (Node node : nodes) {
            node.stop();
        }
        smtp.stop();
        postgres.stopQuietly();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static boolean waitFor(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // the database or a node is not back yet
            }
            sleep(1000);
        }
        return false;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void log(String message) {
        System.out.println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " [load "
                + loadAverage().split(" ")[0] + "] " + message);
    }

    record LoadResult(int status, String body, long millis) {
    }

    record Instant0(long nanos) {
        static Instant0 now() {
            return new Instant0(System.nanoTime());
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - nanos);
        }
    }

    static final class School {
        final String urn;
        final String name;
        final List<String> upns = new ArrayList<>();
        String officer;

        School(String urn, String name) {
            this.urn = urn;
            this.name = name;
        }
    }

    /** What the client was told: every mark of a load answered 2xx. */
    static final class Ledger {
        final Map<String, String> confirmed = new ConcurrentHashMap<>();
    }

    // ---------------------------------------------------------------------------------------------- figures

    static final class Figures {
        record Row(String scenario, String what, String value, String load) {
        }

        final List<Row> rows = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();

        void add(String scenario, String what, String value) {
            add(scenario, what, value, loadAverage());
        }

        void add(String scenario, String what, String value, String load) {
            rows.add(new Row(scenario, what, value, load));
            log("[" + scenario + "] " + what + ": " + value);
        }

        void check(String scenario, String what, boolean ok) {
            add(scenario, "CHECK " + what, ok ? "held" : "FAILED");
            if (!ok) {
                failures.add(scenario + ": " + what);
            }
        }

        String table() {
            var out = new StringBuilder("Reliability drill: summary\n");
            for (Row r : rows) {
                out.append(String.format("%-5s %-95s %s   [load %s]%n", r.scenario, r.what, r.value, r.load));
            }
            out.append(failures.isEmpty() ? "Every check held.\n" : "FAILED: " + failures + "\n");
            return out.toString();
        }

        String markdown(Settings settings) {
            var out = new StringBuilder();
            out.append("Measured on ").append(LocalDate.now(LONDON)).append(" at commit `").append(settings.commit)
                    .append("`, ").append(Runtime.getRuntime().availableProcessors()).append(" cores; load average (1, 5, 15 min) at the start ")
                    .append(settings.startLoad).append(". Each figure has the 1-minute load average when it was taken.\n\n");
            out.append("| scenario | figure | measured | load |\n| --- | --- | --- | --- |\n");
            for (Row r : rows) {
                out.append("| ").append(r.scenario).append(" | ").append(r.what.replace("|", "/")).append(" | ")
                        .append(r.value.replace("|", "/").replace("\n", " ")).append(" | ").append(r.load.split(" ")[0]).append(" |\n");
            }
            out.append("\n").append(failures.isEmpty() ? "Every check held." : "Checks that FAILED: " + String.join("; ", failures)).append("\n");
            return out.toString();
        }

        void writeInto(Path docs, Settings settings) throws IOException {
            String begin = "<!-- reliability-drill:begin -->";
            String end = "<!-- reliability-drill:end -->";
            String text = Files.readString(docs);
            int a = text.indexOf(begin);
            int b = text.indexOf(end);
            require(a >= 0 && b > a, docs + " has no " + begin + " ... " + end + " section");
            Files.writeString(docs, text.substring(0, a + begin.length()) + "\n" + markdown(settings) + text.substring(b));
        }
    }

    // ---------------------------------------------------------------------------------------------- settings

    static final class Settings {
        Path jar;
        Path work;
        Path docs;
        Path pgBin;
        String runAs;
        String commit = "unknown";
        String startLoad = loadAverage();
        boolean writeDocs = true;
        int pgPort = 54341;
        int smtpPort = 2541;
        int[] ports = {8091, 8092};
        int[] managementPorts = {9091, 9092};

        static Settings parse(String[] args) {
            var s = new Settings();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--jar" -> s.jar = Path.of(args[++i]);
                    case "--work" -> s.work = Path.of(args[++i]);
                    case "--docs" -> s.docs = Path.of(args[++i]);
                    case "--pg-bin" -> s.pgBin = Path.of(args[++i]);
                    case "--run-postgres-as" -> s.runAs = args[++i];
                    case "--commit" -> s.commit = args[++i];
                    case "--no-docs" -> s.writeDocs = false;
                    case "--pg-port" -> s.pgPort = Integer.parseInt(args[++i]);
                    case "--smtp-port" -> s.smtpPort = Integer.parseInt(args[++i]);
                    case "--ports" -> s.ports = ports(args[++i]);
                    case "--management-ports" -> s.managementPorts = ports(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            require(s.jar != null && s.work != null && s.pgBin != null && s.docs != null, "--jar, --work, --pg-bin and --docs are needed");
            return s;
        }

        static int[] ports(String csv) {
            String[] p = csv.split(",");
            return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
        }
    }

    // ---------------------------------------------------------------------------------------------- PostgreSQL

    /** One PostgreSQL server for both nodes, in a folder of its own, that the drill stops and starts. */
    static final class Postgres {
        final Settings settings;
        final Path data;
        final Path socketDir;

        Postgres(Settings settings) {
            this.settings = settings;
            this.data = settings.work.resolve("postgres");
            this.socketDir = settings.work.resolve("socket");
        }

        void initAndStart() throws Exception {
            Files.createDirectories(settings.work);
            deleteTree(data);
            Files.createDirectories(data);
            Files.createDirectories(socketDir);
            Path pwfile = settings.work.resolve("pwfile");
            Files.writeString(pwfile, DB_PASSWORD + "\n");
            Files.writeString(settings.work.resolve("postgres.log"), "");
            chown(data, socketDir, pwfile, settings.work.resolve("postgres.log"));
            exec(Duration.ofMinutes(5), "initdb", "-D", data.toString(), "-U", "postgres", "--pwfile=" + pwfile,
                    "-A", "scram-sha-256", "-E", "UTF8", "--no-instructions");
            Files.delete(pwfile);
            start();
            try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", DB_PASSWORD);
                 Statement st = c.createStatement()) {
                st.execute("create user attendance password '" + DB_PASSWORD + "'");
                st.execute("create database attendance owner attendance");
            }
            log("PostgreSQL on port " + settings.pgPort + ", data in " + data);
        }

        void start() throws Exception {
            exec(Duration.ofMinutes(5), "pg_ctl", "-D", data.toString(), "-l", settings.work.resolve("postgres.log").toString(),
                    "-w", "-t", "240", "-o", "-p " + settings.pgPort + " -c listen_addresses=127.0.0.1 -k " + socketDir
                            + " -c max_connections=200 -c shared_buffers=256MB", "start");
        }

        /** A fast shutdown: connections are cut, as when the database server is restarted. */
        void stop() throws Exception {
            exec(Duration.ofMinutes(5), "pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "240", "stop");
        }

        void stopQuietly() {
            try {
                if (Files.exists(data.resolve("postmaster.pid"))) {
                    exec(Duration.ofMinutes(2), "pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
                }
            } catch (Exception e) {
                System.err.println("Could not stop PostgreSQL: " + e);
            }
        }

        String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + settings.pgPort + "/" + database;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url("attendance"), "attendance", DB_PASSWORD);
        }

        int queryInt(String sql) {
            try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        Map<String, String> marks() throws SQLException {
            var marks = new HashMap<String, String>();
            try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select p.upn, m.mark_date, m.session, m.code from session_mark m join pupil p on p.id = m.pupil_id")) {
                while (rs.next()) {
                    marks.put(rs.getString(1) + "|" + rs.getDate(2).toLocalDate() + "|" + rs.getString(3), rs.getString(4));
                }
            }
            return marks;
        }

        void chown(Path... paths) throws Exception {
            if (settings.runAs != null) {
                for (Path p : paths) {
                    new ProcessBuilder("chown", "-R", settings.runAs, p.toString()).inheritIO().start().waitFor();
                }
            }
        }

        void exec(Duration timeout, String tool, String... args) throws Exception {
            var command = new ArrayList<String>();
            if (settings.runAs != null) {
                command.addAll(List.of("runuser", "-u", settings.runAs, "--"));
            }
            command.add(settings.pgBin.resolve(tool).toString());
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.work.resolve("postgres-tools.log").toFile()))
                    .start();
            require(p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS), tool + " did not finish within " + timeout);
            require(p.exitValue() == 0, tool + " failed (exit " + p.exitValue() + "); see " + settings.work.resolve("postgres-tools.log"));
        }

        static void deleteTree(Path path) throws IOException {
            if (Files.exists(path)) {
                try (var walk = Files.walk(path)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                        try {
                            Files.delete(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- nodes

    /** One application node: the jar with the production profile, its own ports, the shared database. */
    static final class Node {
        final String name;
        final int port;
        final int managementPort;
        final Path logFile;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        volatile Process process;

        Node(String name, Settings settings, int port, int managementPort) {
            this.name = name;
            this.port = port;
            this.managementPort = managementPort;
            this.logFile = settings.work.resolve(name.replace(' ', '-') + ".log");
        }

        void start(Postgres postgres, Settings settings) throws IOException {
            var builder = new ProcessBuilder("java", "-Xmx1g", "-XX:+UseSerialGC", "-jar", settings.jar.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Map<String, String> env = builder.environment();
            env.put("SPRING_PROFILES_ACTIVE", "prod");
            env.put("SPRING_DATASOURCE_URL", postgres.url("attendance") + "?reWriteBatchedInserts=true");
            env.put("SPRING_DATASOURCE_USERNAME", "attendance");
            env.put("SPRING_DATASOURCE_PASSWORD", DB_PASSWORD);
            env.put("OPENATTENDANCE_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("MAIL_HOST", "127.0.0.1");
            env.put("MAIL_PORT", String.valueOf(settings.smtpPort));
            env.put("MAIL_FROM", "attendance@drill.example");
            env.put("PORT", String.valueOf(port));
            env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
            env.put("MANAGEMENT_ADDRESS", "127.0.0.1");
            env.put("OPENATTENDANCE_NOTIFICATION_SITE_URL", "http://127.0.0.1:" + port);
            process = builder.start();
            Files.writeString(settings.work.resolve(name.replace(' ', '-') + ".pid"), String.valueOf(process.pid()));
            log(name + " started (pid " + process.pid() + ", port " + port + ", management " + managementPort + ", log " + logFile + ")");
        }

        void awaitReady(Duration timeout) {
            boolean ready = waitFor(timeout, () -> {
                require(alive(), name + " exited during start-up; see " + logFile);
                return readiness() == 200;
            });
            require(ready, name + " was not ready within " + timeout + "; see " + logFile);
            log(name + " is ready");
        }

        boolean alive() {
            return process != null && process.isAlive();
        }

        int readiness() {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                return 0;
            }
        }

        /** The node's id in application_node and event_publication, as it logged it at start ("This node is ..."). */
        String nodeId() throws IOException {
            String id = null;
            var m = java.util.regex.Pattern.compile("This node is ([0-9a-f-]{36})").matcher(Files.readString(logFile));
            while (m.find()) {
                id = m.group(1);
            }
            require(id != null, name + " did not log its node id; see " + logFile);
            return id;
        }

        void kill9() throws InterruptedException {
            Process p = process;
            p.destroyForcibly();   // SIGKILL
            p.waitFor(60, TimeUnit.SECONDS);
            log(name + " killed (SIGKILL, pid " + p.pid() + ")");
        }

        void stop() {
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroy();   // SIGTERM: a graceful stop
                try {
                    if (!p.waitFor(60, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        p.waitFor(30, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
            }
        }

        Api api(String user, String password) {
            return new Api(http, "http://127.0.0.1:" + port, user, password);
        }
    }

    record Api(HttpClient http, String base, String user, String password) {

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(request(path).GET().build());
        }

        HttpResponse<String> post(String path, String body, String type) throws IOException, InterruptedException {
            return send(request(path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        HttpResponse<String> postJson(String path, Object body) throws IOException, InterruptedException {
            return post(path, JSON.writeValueAsString(body), "application/json");
        }

        HttpResponse<String> putJson(String path, Object body) throws IOException, InterruptedException {
            return send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        }

        void expect2xx(HttpResponse<String> response, String what) {
            require(response.statusCode() / 100 == 2, what + " answered " + response.statusCode() + ": " + response.body());
        }

        private HttpRequest.Builder request(String path) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Basic " + credentials).header("Accept", "application/json");
        }

        private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    // ---------------------------------------------------------------------------------------------- SMTP

    /**
     * A mail server that accepts everything and counts what it received (recipient, subject, Message-ID). A message
     * counts once the server has answered 250 to its DATA, as a real server takes responsibility for it then. Stopping
     * it closes the listening socket and cuts every open connection.
     */
    static final class SmtpSink {
        record Delivery(String recipient, String subject, String messageId) {
        }

        final int port;
        final List<Delivery> delivered = new CopyOnWriteArrayList<>();
        final Set<Socket> open = ConcurrentHashMap.newKeySet();
        volatile ServerSocket server;

        SmtpSink(int port) {
            this.port = port;
        }

        List<Delivery> deliveries() {
            return delivered;
        }

        synchronized void start() throws IOException {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            Thread accept = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        open.add(client);
                        Thread t = new Thread(() -> serve(client), "smtp-session");
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "smtp-accept");
            accept.setDaemon(true);
            accept.start();
            log("Mail server (SMTP sink) listening on 127.0.0.1:" + port);
        }

        synchronized void stop() {
            ServerSocket s = server;
            server = null;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing
                }
                for (Socket client : open) {
                    try {
                        client.close();
                    } catch (IOException ignored) {
                        // closing
                    }
                }
                open.clear();
                log("Mail server stopped (" + delivered.size() + " messages received so far)");
            }
        }

        private void serve(Socket client) {
            try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                 OutputStream out = client.getOutputStream()) {
                reply(out, "220 drill-smtp ready");
                var recipients = new ArrayList<String>();
                String line;
                while ((line = in.readLine()) != null) {
                    String upper = line.toUpperCase();
                    if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                        reply(out, "250 drill-smtp");
                    } else if (upper.startsWith("MAIL FROM")) {
                        recipients.clear();
                        reply(out, "250 OK");
                    } else if (upper.startsWith("RCPT TO")) {
                        recipients.add(line.substring(line.indexOf(':') + 1).replaceAll("[<> ]", "").toLowerCase());
                        reply(out, "250 OK");
                    } else if (upper.startsWith("DATA")) {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String subject = "";
                        String messageId = "";
                        boolean headers = true;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (line.isEmpty()) {
                                headers = false;
                            } else if (headers && line.regionMatches(true, 0, "Subject:", 0, 8)) {
                                subject = decodeSubject(line.substring(8).strip());
                            } else if (headers && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageId = line.substring(11).strip();
                            }
                        }
                        if (line == null || server == null) {
                            return;   // cut before the end of the message: not received
                        }
                        reply(out, "250 OK: queued");
                        for (String r : recipients) {
                            delivered.add(new Delivery(r, subject, messageId));
                        }
                    } else if (upper.startsWith("QUIT")) {
                        reply(out, "221 Bye");
                        return;
                    } else {
                        reply(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                // the connection was cut (the server stopped)
            } finally {
                open.remove(client);
            }
        }

        private static String decodeSubject(String raw) {
            try {
                return jakartaDecode(raw);
            } catch (Exception e) {
                return raw;
            }
        }

        /** Subjects arrive as RFC 2047 encoded words (UTF-8, B or Q); decoded here without a mail library. */
        private static String jakartaDecode(String raw) {
            var m = java.util.regex.Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=").matcher(raw);
            var out = new StringBuilder();
            int last = 0;
            while (m.find()) {
                out.append(raw, last, m.start());
                byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3))
                        : qDecode(m.group(3));
                out.append(new String(bytes, java.nio.charset.Charset.forName(m.group(1))));
                last = m.end();
            }
            out.append(raw.substring(last));
            return out.toString().replaceAll("\\?=\\s+=\\?", "");
        }

        private static byte[] qDecode(String s) {
            var bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '_') {
                    bytes.write(' ');
                } else if (c == '=' && i + 2 < s.length()) {
                    bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            return bytes.toByteArray();
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
