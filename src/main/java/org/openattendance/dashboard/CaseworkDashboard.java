package org.openattendance.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.openattendance.casework.CaseOverview;
import org.openattendance.casework.Stage;
import org.openattendance.casework.TeamTasks;
import org.openattendance.legal.LegalFigures;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.London;
import org.springframework.stereotype.Service;

/**
 * What the casework dashboard shows for a scope: open cases by stage (a funnel, and per school), cases opened and
 * closed each week, the teams' tasks, the time cases spend in each stage, what happened to attendance after each
 * kind of intervention, and notice requests made with no meeting or support plan on record.
 */
@Service
class CaseworkDashboard {

    /** The ladder from first contact to prosecution, in order; monitoring is shown after it. */
    static final List<Stage> FUNNEL = List.of(Stage.FIRST_DAY_CONTACT, Stage.HOME_VISIT, Stage.CME_REFERRAL, Stage.LETTER,
            Stage.MEETING, Stage.SUPPORT_PLAN, Stage.TAF, Stage.ATTENDANCE_CONTRACT, Stage.NOTICE_TO_IMPROVE,
            Stage.PENALTY_NOTICE_REQUEST, Stage.PENALTY_NOTICE, Stage.LEGAL_ROUTE_DECISION,
            Stage.EDUCATION_SUPERVISION_ORDER, Stage.PROSECUTION, Stage.MONITORING);

    /** The interventions whose effect on attendance is measured. */
    static final List<Stage> INTERVENTIONS = List.of(Stage.SUPPORT_PLAN, Stage.ATTENDANCE_CONTRACT, Stage.NOTICE_TO_IMPROVE);

    static final int WEEKS_BEFORE_AND_AFTER = 6;


    record SchoolStages(String schoolUrn, String schoolName, Map<Stage, Long> cases, long total) {
        public long at(Stage stage) {
            return cases.getOrDefault(stage, 0L);
        }
    }

    record StageTime(Stage stage, String label, int finished, BigDecimal medianDays, BigDecimal p90Days, long openNow) {
    }

    record InterventionOutcome(Stage stage, String label, int measured, int tooRecent, BigDecimal before,
                               BigDecimal after, BigDecimal change, int improved) {
    }

    record NoticeWithoutSupport(String upn, String schoolName, Instant requestedAt, String stagesBefore) {
    }

    record Team(String key, String label, long open, long overdue) {
    }

    record Model(Scope scope, String basePath, Map<Stage, Long> funnel, BarChart funnelChart, List<SchoolStages> bySchool,
                 List<CaseOverview.WeekCount> weeks, TeamTasks.Counts taskCounts, List<Team> byTeam, List<Team> byType,
                 List<Team> byPerson, List<TeamTasks.TeamTask> oldestTasks, boolean manager, List<String> managedTeams,
                 List<StageTime> stageTimes, List<InterventionOutcome> interventions,
                 List<NoticeWithoutSupport> noticesWithoutSupport, LegalFigures.Figures legal) {

        public String outcomeLabel(org.openattendance.legal.CourtOutcome outcome) {
            return switch (outcome) {
                case FINE -> "Fine";
                case CONDITIONAL_DISCHARGE -> "Conditional discharge";
                case PARENTING_ORDER -> "Parenting order";
                case WITHDRAWN -> "Withdrawn at court";
                case NOT_GUILTY -> "Not guilty";
            };
        }

        public long openCases() {
            return funnel.values().stream().mapToLong(Long::longValue).sum();
        }

        public String stageLabel(Stage stage) {
            return StageLabels.of(stage);
        }

        /** The ids of the oldest tasks the reader may open (and give to someone else): those of teams they manage. */
        public Set<String> openable() {
            return openableBy(managedTeams, oldestTasks);
        }
    }

    /** Of these tasks, the ids of those in a team of {@code managedTeams}: a manager opens any task of their teams. */
    static Set<String> openableBy(List<String> managedTeams, List<TeamTasks.TeamTask> tasks) {
        return tasks.stream().filter(t -> t.groups().stream().anyMatch(managedTeams::contains))
                .map(TeamTasks.TeamTask::id).collect(java.util.stream.Collectors.toSet());
    }

    private final CaseOverview cases;
    private final LegalFigures legal;
    private final TeamTasks tasks;
    private final Scopes scopes;
    private final FigureStore figures;
    private final TeamLabels teams;
    private final Clock clock;

    CaseworkDashboard(CaseOverview cases, LegalFigures legal, TeamTasks tasks, Scopes scopes, FigureStore figures,
                      TeamLabels teams, Clock clock) {
        this.cases = cases;
        this.legal = legal;
        this.tasks = tasks;
        this.scopes = scopes;
        this.figures = figures;
        this.teams = teams;
        this.clock = clock;
    }

    Model build(StaffUser user, Scope scope, String basePath) {
        LocalDate today = LocalDate.now(clock);
        AcademicYear year = AcademicYear.containing(today);
        Instant yearStart = year.firstDay().atStartOfDay(London.ZONE).toInstant();
        List<Long> pupils = pupilsOf(scope);

        var funnel = new LinkedHashMap<Stage, Long>();
        FUNNEL.forEach(stage -> funnel.put(stage, 0L));
        var bySchool = new TreeMap<String, Map<Stage, Long>>();
        for (var count : cases.openByStage(scope.schoolUrns(), pupils)) {
            funnel.merge(count.stage(), count.cases(), Long::sum);
            bySchool.computeIfAbsent(count.schoolUrn(), urn -> new EnumMap<>(Stage.class)).merge(count.stage(),
                    count.cases(), Long::sum);
        }
        var schools = new ArrayList<SchoolStages>();
        bySchool.forEach((urn, stages) -> schools.add(new SchoolStages(urn, scopes.schoolName(urn), stages,
                stages.values().stream().mapToLong(Long::longValue).sum())));
        schools.sort(Comparator.comparing(SchoolStages::schoolName));

        List<String> scopeTeams = teamsOf(scope);
        Instant startOfToday = today.atStartOfDay(London.ZONE).toInstant();
        List<String> managed = TeamTasks.teamsOf(user);
        Map<String, String> typeNames = tasks.typeNames(scopeTeams);

        return new Model(scope, basePath, funnel, funnelChart(funnel), schools,
                cases.openedAndClosed(scope.schoolUrns(), pupils, year.firstDay()),
                tasks.counts(scopeTeams, startOfToday, today.plusDays(1).atStartOfDay(London.ZONE).toInstant()),
                tasks.byTeam(scopeTeams, startOfToday).stream().map(g -> new Team(g.key(), teams.label(g.key()),
                        g.open(), g.overdue())).toList(),
                tasks.byType(scopeTeams, startOfToday).stream().map(g -> new Team(g.key(),
                        typeNames.getOrDefault(g.key(), g.key()), g.open(), g.overdue())).toList(),
                tasks.byPerson(scopeTeams, startOfToday).stream().map(g -> new Team(g.key(),
                        g.key().isEmpty() ? "Not yet claimed (the team's list)" : teams.person(g.key()), g.open(),
                        g.overdue())).toList(),
                tasks.oldest(scopeTeams, TeamTasks.Filter.NONE, 0, 20), !managed.isEmpty(), managed,
                stageTimes(cases.spells(scope.schoolUrns(), pupils, yearStart)),
                interventions(scope, pupils, today, year),
                noticesWithoutSupport(scope, pupils, yearStart),
                legal.figures(scope.schoolUrns(), pupils, year.firstDay()));
    }

    /** The teams whose tasks the scope's dashboard counts. */
    static List<String> teamsOf(Scope scope) {
        return switch (scope.kind()) {
            case SCHOOL -> TeamTasks.teamsOf(scope.schoolUrns(), List.of());
            case LA -> TeamTasks.teamsOf(scope.schoolUrns(), List.of(scope.key()));
            case VIRTUAL_SCHOOL -> List.of(org.openattendance.security.CamundaGroups.laVirtualSchool(scope.key()));
            case CASELOAD -> List.of();
        };
    }

    private static List<Long> pupilsOf(Scope scope) {
        return scope.pupilIds();
    }

    private static BarChart funnelChart(Map<Stage, Long> funnel) {
        return BarChart.of(funnel.entrySet().stream().map(e -> new BarChart.Item(StageLabels.of(e.getKey()),
                (int) (long) e.getValue(), e.getKey() == Stage.MONITORING ? "#00703c" : "#1d70b8")).toList());
    }

    private static List<StageTime> stageTimes(List<CaseOverview.StageSpell> spells) {
        var finished = new EnumMap<Stage, List<Long>>(Stage.class);
        var open = new EnumMap<Stage, Long>(Stage.class);
        for (var spell : spells) {
            if (spell.stage() == Stage.CLOSED) {
                continue;
            }
            if (spell.left() == null) {
                open.merge(spell.stage(), 1L, Long::sum);
            } else {
                finished.computeIfAbsent(spell.stage(), s -> new ArrayList<>())
                        .add(Duration.between(spell.entered(), spell.left()).toMinutes());
            }
        }
        var times = new ArrayList<StageTime>();
        for (Stage stage : FUNNEL) {
            List<Long> minutes = finished.getOrDefault(stage, List.of());
            if (minutes.isEmpty() && !open.containsKey(stage)) {
                continue;
            }
            var sorted = minutes.stream().sorted().toList();
            times.add(new StageTime(stage, StageLabels.of(stage), sorted.size(), days(percentile(sorted, 50)),
                    days(percentile(sorted, 90)), open.getOrDefault(stage, 0L)));
        }
        return times;
    }

    /** Nearest-rank percentile of sorted values; null for none. */
    static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static BigDecimal days(Long minutes) {
        return minutes == null ? null : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(1440), 1,
                java.math.RoundingMode.HALF_UP);
    }

    /**
     * Attendance in the six school weeks (weeks with a possible session for the pupil) before the week of each
     * intervention against the six after it; an intervention whose six weeks after are not over yet is too recent.
     */
    private List<InterventionOutcome> interventions(Scope scope, List<Long> pupils, LocalDate today, AcademicYear year) {
        Instant since = year.previous().firstDay().atStartOfDay(London.ZONE).toInstant();
        var all = cases.interventions(scope.schoolUrns(), pupils, Set.copyOf(INTERVENTIONS), since);
        var weeks = new HashMap<Long, List<PupilWeek>>();
        for (PupilWeek row : figures.weeksOf(all.stream().map(CaseOverview.Intervention::pupilId).distinct().toList())) {
            weeks.computeIfAbsent(row.pupilId(), id -> new ArrayList<>()).add(row);
        }
        LocalDate thisWeek = WeekCodes.monday(today);
        var outcomes = new ArrayList<InterventionOutcome>();
        for (Stage stage : INTERVENTIONS) {
            Sessions before = Sessions.NONE;
            Sessions after = Sessions.NONE;
            int measured = 0;
            int tooRecent = 0;
            int improved = 0;
            for (var intervention : all) {
                if (intervention.stage() != stage) {
                    continue;
                }
                LocalDate week = WeekCodes.monday(intervention.at().atZone(London.ZONE).toLocalDate());
                var rows = weeks.getOrDefault(intervention.pupilId(), List.of());
                var beforeRows = rows.stream().filter(r -> r.weekStart().isBefore(week) && r.week().possible() > 0)
                        .sorted(Comparator.comparing(PupilWeek::weekStart).reversed()).limit(WEEKS_BEFORE_AND_AFTER).toList();
                var afterRows = rows.stream().filter(r -> r.weekStart().isAfter(week) && r.weekStart().isBefore(thisWeek)
                        && r.week().possible() > 0).sorted(Comparator.comparing(PupilWeek::weekStart))
                        .limit(WEEKS_BEFORE_AND_AFTER).toList();
                if (afterRows.size() < WEEKS_BEFORE_AND_AFTER || beforeRows.isEmpty()) {
                    tooRecent++;
                    continue;
                }
                Sessions b = beforeRows.stream().map(PupilWeek::week).reduce(Sessions.NONE, Sessions::plus);
                Sessions a = afterRows.stream().map(PupilWeek::week).reduce(Sessions.NONE, Sessions::plus);
                before = before.plus(b);
                after = after.plus(a);
                measured++;
                if ((long) a.attended() * b.possible() > (long) b.attended() * a.possible()) {
                    improved++;
                }
            }
            BigDecimal b = Figures.percent(before.attended(), before.possible());
            BigDecimal a = Figures.percent(after.attended(), after.possible());
            outcomes.add(new InterventionOutcome(stage, StageLabels.of(stage), measured, tooRecent, b, a,
                    a == null || b == null ? null : a.subtract(b), improved));
        }
        return outcomes;
    }

    private List<NoticeWithoutSupport> noticesWithoutSupport(Scope scope, List<Long> pupils, Instant since) {
        var list = new ArrayList<NoticeWithoutSupport>();
        for (var request : cases.noticeRequests(scope.schoolUrns(), pupils, since)) {
            if (!request.stagesBefore().contains(Stage.MEETING) && !request.stagesBefore().contains(Stage.SUPPORT_PLAN)) {
                list.add(new NoticeWithoutSupport(request.upn(), scopes.schoolName(request.schoolUrn()),
                        request.requestedAt(), request.stagesBefore().stream().filter(s -> s != Stage.CLOSED).sorted()
                        .map(StageLabels::of).reduce((x, y) -> x + ", " + y).orElse("none")));
            }
        }
        return list;
    }
}
