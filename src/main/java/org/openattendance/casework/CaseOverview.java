package org.openattendance.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.openattendance.shared.London;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The casework as the dashboards read it: open cases by stage and school, cases opened and closed per week, the
 * stages each case went through (case_stage_history), interventions, notice requests without support on record,
 * and the live cases waiting at each step of the process. Each query takes the schools of the caller's scope and,
 * for a caseload or a virtual school, the pupils.
 */
@Component
public class CaseOverview {

    public record StageCount(String schoolUrn, Stage stage, long cases) {
    }

    public record WeekCount(LocalDate monday, long opened, long closed) {
    }

    /** A stage a case was in, from when to when (null while it still is). */
    public record StageSpell(UUID caseId, Stage stage, Instant entered, Instant left) {
    }

    /** A case entering a stage (a support plan, a contract, a Notice to Improve). */
    public record Intervention(UUID caseId, long pupilId, String upn, String schoolUrn, Stage stage, Instant at) {
    }

    /** A school's request for a notice (the LA's decision task was created) and the stages the case had reached. */
    public record NoticeRequest(UUID caseId, long pupilId, String upn, String schoolUrn, Instant requestedAt,
                                Set<Stage> stagesBefore) {
    }

    /** The number of live cases waiting at one element of a process model. */
    public record StepCount(String activityId, long cases) {
    }

    /** A live case waiting at an element of the process, since when. */
    public record CaseAtStep(UUID caseId, long pupilId, String upn, String schoolUrn, Stage stage, Instant since) {
    }


    /**
     * The LA's decisions on a school's request for a Notice to Improve and for a penalty notice: a decision task's
     * creation is the school's request.
     */
    static final String[] NOTICE_DECISION_TASKS = {"la-decision", "decide-request"};

    /**
     * A pupil's case this year as lists show it: stage, the last thing done on it, and the actions agreed most
     * recently (a meeting's or Team Around the Family's actions, a support plan, a contract's terms, a joint approach).
     */
    public record CaseSummary(UUID caseId, long pupilId, Stage stage, String status, Priority priority,
                              String lastAction, Instant lastActionAt, String agreedActions, Instant agreedAt) {
    }

    /** The form fields where the forms record what was agreed, in the order they are looked for. */
    static final List<String> AGREED_FIELDS = List.of("actions", "plan", "terms", "approach");

    /** An element of the process model where a case can wait, with its name in the model. */
    public record Step(String activityId, String name, String type) {
    }

    private final JdbcTemplate jdbc;
    private final RepositoryService repository;
    private final String executions;
    private final String historicTasks;

    CaseOverview(JdbcTemplate jdbc, ManagementService management, RepositoryService repository) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.executions = management.getTableName(ExecutionEntity.class);
        this.historicTasks = management.getTableName(HistoricTaskInstance.class);
    }

    /** Open cases by school and stage. */
    public List<StageCount> openByStage(Collection<String> schoolUrns, Collection<Long> pupilIds) {
        return jdbc.query("select school_urn, stage, count(*) from attendance_case where status = 'OPEN' "
                        + "and school_urn = any(?)" + pupils("pupil_id", pupilIds) + " group by school_urn, stage",
                (rs, i) -> new StageCount(rs.getString(1), Stage.valueOf(rs.getString(2)), rs.getLong(3)),
                args(schoolUrns, pupilIds));
    }

    /** Cases opened and closed in each week (Monday to Sunday) from {@code from}. */
    public List<WeekCount> openedAndClosed(Collection<String> schoolUrns, Collection<Long> pupilIds, LocalDate from) {
        var byWeek = new java.util.TreeMap<LocalDate, long[]>();
        String scope = " school_urn = any(?)" + pupils("pupil_id", pupilIds);
        Timestamp since = Timestamp.from(from.atStartOfDay(London.ZONE).toInstant());
        jdbc.query("select date_trunc('week', opened_at at time zone 'Europe/London')::date, count(*) from attendance_case "
                + "where" + scope + " and opened_at >= ? group by 1", rs -> {
                    byWeek.computeIfAbsent(rs.getDate(1).toLocalDate(), w -> new long[2])[0] = rs.getLong(2);
                }, append(args(schoolUrns, pupilIds), since));
        jdbc.query("select date_trunc('week', closed_at at time zone 'Europe/London')::date, count(*) from attendance_case "
                + "where" + scope + " and closed_at >= ? group by 1", rs -> {
                    byWeek.computeIfAbsent(rs.getDate(1).toLocalDate(), w -> new long[2])[1] = rs.getLong(2);
                }, append(args(schoolUrns, pupilIds), since));
        var weeks = new ArrayList<WeekCount>();
        byWeek.forEach((monday, n) -> weeks.add(new WeekCount(monday, n[0], n[1])));
        return weeks;
    }

    /** Every stage spell of the scope's cases that began on or after {@code since}, oldest first. */
    public List<StageSpell> spells(Collection<String> schoolUrns, Collection<Long> pupilIds, Instant since) {
        return jdbc.query("""
                select h.case_id, h.stage, h.entered_at,
                       lead(h.entered_at) over (partition by h.case_id order by h.entered_at, h.id)
                from case_stage_history h join attendance_case c on c.id = h.case_id
                where c.school_urn = any(?)""" + pupils("c.pupil_id", pupilIds) + """
                 and h.entered_at >= ? order by h.entered_at""", (rs, i) -> new StageSpell(rs.getObject(1, UUID.class),
                Stage.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()),
                append(args(schoolUrns, pupilIds), Timestamp.from(since)));
    }

    /** Each time a case of the scope entered one of the stages, on or after {@code since}. */
    public List<Intervention> interventions(Collection<String> schoolUrns, Collection<Long> pupilIds, Set<Stage> stages,
                                            Instant since) {
        return jdbc.query("""
                select h.case_id, c.pupil_id, c.upn, c.school_urn, h.stage, h.entered_at
                from case_stage_history h join attendance_case c on c.id = h.case_id
                where c.school_urn = any(?)""" + pupils("c.pupil_id", pupilIds) + """
                 and h.stage = any(?) and h.entered_at >= ? order by h.entered_at""",
                (rs, i) -> new Intervention(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Stage.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant()),
                append(append(args(schoolUrns, pupilIds), stages.stream().map(Enum::name).toArray(String[]::new)),
                        Timestamp.from(since)));
    }

    /**
     * Requests for a notice made on or after {@code since} (the LA's decision task was created), with the stages the
     * case had been at before the request.
     */
    public List<NoticeRequest> noticeRequests(Collection<String> schoolUrns, Collection<Long> pupilIds, Instant since) {
        var requests = new ArrayList<NoticeRequest>();
        jdbc.query("select c.id, c.pupil_id, c.upn, c.school_urn, min(t.START_TIME_) from " + historicTasks + " t "
                        + "join attendance_case c on c.process_instance_id = t.PROC_INST_ID_ where t.TASK_DEF_KEY_ = any(?) "
                        + "and c.school_urn = any(?)" + pupils("c.pupil_id", pupilIds) + " and t.START_TIME_ >= ? "
                        + "group by c.id, c.pupil_id, c.upn, c.school_urn order by 5",
                rs -> {
                    requests.add(new NoticeRequest(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), Set.of()));
                }, prepend(NOTICE_DECISION_TASKS, append(args(schoolUrns, pupilIds), Timestamp.from(since))));
        if (requests.isEmpty()) {
            return requests;
        }
        var result = new ArrayList<NoticeRequest>();
        Map<UUID, List<Object[]>> history = new HashMap<>();
        jdbc.query("select case_id, stage, entered_at from case_stage_history where case_id = any(?)", rs -> {
            history.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                    .add(new Object[] {Stage.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()});
        }, (Object) requests.stream().map(NoticeRequest::caseId).toArray(UUID[]::new));
        for (NoticeRequest request : requests) {
            var before = java.util.EnumSet.noneOf(Stage.class);
            for (Object[] entry : history.getOrDefault(request.caseId(), List.of())) {
                if (!((Instant) entry[1]).isAfter(request.requestedAt())) {
                    before.add((Stage) entry[0]);
                }
            }
            result.add(new NoticeRequest(request.caseId(), request.pupilId(), request.upn(), request.schoolUrn(),
                    request.requestedAt(), Set.copyOf(before)));
        }
        return result;
    }

    /** How many open cases of the scope wait at each element of the attendance case process now. */
    public List<StepCount> casesAtSteps(Collection<String> schoolUrns, Collection<Long> pupilIds) {
        return jdbc.query("select e.ACT_ID_, count(distinct e.PROC_INST_ID_) from " + executions + " e "
                        + "join attendance_case c on c.process_instance_id = e.PROC_INST_ID_ "
                        + "where e.ACT_ID_ is not null and e.IS_ACTIVE_ and c.status = 'OPEN' and c.school_urn = any(?)"
                        + pupils("c.pupil_id", pupilIds) + " group by e.ACT_ID_",
                (rs, i) -> new StepCount(rs.getString(1), rs.getLong(2)), args(schoolUrns, pupilIds));
    }

    /** The open cases of the scope waiting at one element, longest waiting first. */
    public List<CaseAtStep> casesAtStep(Collection<String> schoolUrns, Collection<Long> pupilIds, String activityId) {
        return jdbc.query("select c.id, c.pupil_id, c.upn, c.school_urn, c.stage, min(h.entered_at) from " + executions
                        + " e join attendance_case c on c.process_instance_id = e.PROC_INST_ID_ "
                        + "left join case_stage_history h on h.case_id = c.id and h.stage = c.stage "
                        + "where e.ACT_ID_ = ? and e.IS_ACTIVE_ and c.status = 'OPEN' and c.school_urn = any(?)"
                        + pupils("c.pupil_id", pupilIds) + " group by c.id, c.pupil_id, c.upn, c.school_urn, c.stage "
                        + "order by 6 nulls last",
                (rs, i) -> new CaseAtStep(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Stage.valueOf(rs.getString(5)), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()),
                prepend(activityId, args(schoolUrns, pupilIds)));
    }

    /** The cases of the given pupils in one academic year, by pupil. */
    public Map<Long, CaseSummary> casesOf(Collection<Long> pupilIds, String academicYear) {
        var found = new HashMap<Long, CaseSummary>();
        if (pupilIds.isEmpty()) {
            return found;
        }
        var cases = new HashMap<UUID, Object[]>();
        jdbc.query("select id, pupil_id, stage, status, priority from attendance_case where pupil_id = any(?) "
                + "and academic_year = ?", rs -> {
                    cases.put(rs.getObject(1, UUID.class), new Object[] {rs.getLong(2), Stage.valueOf(rs.getString(3)),
                            rs.getString(4), Priority.valueOf(rs.getString(5))});
                }, pupilIds.toArray(Long[]::new), academicYear);
        if (cases.isEmpty()) {
            return found;
        }
        UUID[] ids = cases.keySet().toArray(UUID[]::new);
        var last = new HashMap<UUID, Object[]>();
        jdbc.query("select distinct on (case_id) case_id, name, at from case_event where case_id = any(?) "
                + "and (kind in ('LETTER', 'STAGE') or (kind = 'TASK' and name not like 'Task: %' "
                + "and name not like 'E-mail notice requested%')) order by case_id, at desc, id desc", rs -> {
                    last.put(rs.getObject(1, UUID.class), new Object[] {rs.getString(2), rs.getTimestamp(3).toInstant()});
                }, (Object) ids);
        var agreed = new HashMap<UUID, Object[]>();
        jdbc.query("select case_id, name, detail, at from case_event where case_id = any(?) and kind = 'TASK' "
                + "and name like 'Completed: %' and detail is not null order by case_id, at desc, id desc", rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    if (!agreed.containsKey(id)) {
                        String text = agreedText(rs.getString(3));
                        if (text != null) {
                            agreed.put(id, new Object[] {rs.getString(2).substring("Completed: ".length()) + ": " + text,
                                    rs.getTimestamp(4).toInstant()});
                        }
                    }
                }, (Object) ids);
        cases.forEach((id, row) -> {
            Object[] l = last.get(id);
            Object[] a = agreed.get(id);
            found.put((Long) row[0], new CaseSummary(id, (Long) row[0], (Stage) row[1], (String) row[2],
                    (Priority) row[3], l == null ? null : (String) l[0], l == null ? null : (Instant) l[1],
                    a == null ? null : (String) a[0], a == null ? null : (Instant) a[1]));
        });
        return found;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** What a completed form recorded as agreed, or null when it recorded no such field. */
    static String agreedText(String submission) {
        try {
            var form = JSON.readTree(submission);
            for (String field : AGREED_FIELDS) {
                var value = form.path(field);
                if (value.isTextual() && !value.asText().isBlank()) {
                    return value.asText().strip();
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return null;
    }

    /** The attendance case process as deployed now (BPMN XML), for drawing it. */
    public byte[] processModel() {
        var definition = latest();
        try (var in = repository.getProcessModel(definition.getId())) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The elements of the deployed model where a case waits (tasks, the legal stages' call activities, catching
     * events), in document order.
     */
    public List<Step> steps() {
        var model = repository.getBpmnModelInstance(latest().getId());
        var steps = new ArrayList<Step>();
        for (var node : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)) {
            boolean waits = node instanceof org.camunda.bpm.model.bpmn.instance.Task
                    || node instanceof org.camunda.bpm.model.bpmn.instance.CallActivity
                    || node instanceof org.camunda.bpm.model.bpmn.instance.CatchEvent
                    && !(node instanceof org.camunda.bpm.model.bpmn.instance.StartEvent);
            if (waits && node.getName() != null) {
                steps.add(new Step(node.getId(), node.getName().replaceAll("\\s+", " ").trim(),
                        node.getElementType().getTypeName()));
            }
        }
        return steps;
    }

    private org.camunda.bpm.engine.repository.ProcessDefinition latest() {
        var definition = repository.createProcessDefinitionQuery().processDefinitionKey(CaseEngine.CASE_PROCESS)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("The " + CaseEngine.CASE_PROCESS + " process is not deployed");
        }
        return definition;
    }

    private static String pupils(String column, Collection<Long> pupilIds) {
        return pupilIds == null ? "" : " and " + column + " = any(?)";
    }

    private static Object[] args(Collection<String> schoolUrns, Collection<Long> pupilIds) {
        return pupilIds == null ? new Object[] {schoolUrns.toArray(String[]::new)}
                : new Object[] {schoolUrns.toArray(String[]::new), pupilIds.toArray(Long[]::new)};
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    private static Object[] prepend(Object first, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = first;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
