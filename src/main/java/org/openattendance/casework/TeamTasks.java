package org.openattendance.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.Task;
import org.openattendance.security.CamundaGroups;
import org.openattendance.security.Role;
import org.openattendance.security.StaffNames;
import org.openattendance.security.StaffUser;
import org.openattendance.security.StaffUserStore;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open tasks of teams, as their managers see them: counts (open, overdue, due today) by team, task type and
 * person, the oldest first; a manager opens any task offered to a team they manage and gives it to another member
 * of that team, or back to the team. A task belongs to a team when it is offered to the team's Camunda group,
 * whether or not someone has claimed it.
 */
@Component
public class TeamTasks {

    /**
     * An open task of a team, with its case (null for a task that belongs to no case, such as a leave request's), its
     * pupil's UPN (from the case, or from the process of a request about a pupil) and the name of the process it is
     * part of, as the model names it ("Leave of absence request").
     */
    public record TeamTask(String id, String name, String taskKey, Instant created, Instant due, String assignee,
                           List<String> groups, CaseStore.CaseRecord kase, String upn, String process) {
    }

    public record Counts(long open, long overdue, long dueToday) {
    }

    /** One line of a breakdown: a team (group id), a task type (task name) or a person (username; an empty text = nobody). */
    public record Group(String key, long open, long overdue) {
    }

    /** What narrows the list: a team, a task type (task key) and a person (an empty text for unclaimed tasks); null = any. */
    public record Filter(String team, String taskKey, String person) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    private final JdbcTemplate jdbc;
    private final TaskService taskService;
    private final CaseStore records;
    private final CaseTasks caseTasks;
    private final StaffUserStore users;
    private final StaffNames names;
    private final String tasks;
    private final String links;
    private final String definitions;

    TeamTasks(JdbcTemplate jdbc, TaskService taskService, CaseStore records, CaseTasks caseTasks, StaffUserStore users,
              StaffNames names, ManagementService management) {
        this.names = names;
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.records = records;
        this.caseTasks = caseTasks;
        this.users = users;
        this.tasks = management.getTableName(Task.class);
        this.links = management.getTableName(IdentityLinkEntity.class);
        this.definitions = management.getTableName(ProcessDefinitionEntity.class);
    }

    /**
     * The Camunda groups a manager manages: for each of their schools, its attendance staff, headteachers and
     * managers; for their LA, its attendance officers, managers and Virtual School. Empty for anyone else.
     */
    public static List<String> teamsOf(StaffUser user) {
        var teams = new ArrayList<String>();
        if (!user.has(Role.MANAGER)) {
            return teams;
        }
        for (String urn : user.schools().stream().sorted().toList()) {
            teams.add(CamundaGroups.schoolAttendance(urn));
            teams.add(CamundaGroups.schoolHeadteacher(urn));
            teams.add(CamundaGroups.schoolManagers(urn));
        }
        if (user.laCode() != null) {
            teams.add(CamundaGroups.laAttendance(user.laCode()));
            teams.add(CamundaGroups.laManagers(user.laCode()));
            teams.add(CamundaGroups.laVirtualSchool(user.laCode()));
        }
        return teams;
    }

    /** The teams of a scope of schools and LAs: each school's three groups and each LA's three. */
    public static List<String> teamsOf(Collection<String> schoolUrns, Collection<String> laCodes) {
        var teams = new ArrayList<String>();
        for (String urn : schoolUrns) {
            teams.add(CamundaGroups.schoolAttendance(urn));
            teams.add(CamundaGroups.schoolHeadteacher(urn));
            teams.add(CamundaGroups.schoolManagers(urn));
        }
        for (String la : laCodes) {
            teams.add(CamundaGroups.laAttendance(la));
            teams.add(CamundaGroups.laManagers(la));
            teams.add(CamundaGroups.laVirtualSchool(la));
        }
        return teams;
    }

    public Counts counts(Collection<String> teams, Instant startOfToday, Instant startOfTomorrow) {
        if (teams.isEmpty()) {
            return new Counts(0, 0, 0);
        }
        return jdbc.queryForObject("select count(*), count(*) filter (where T.DUE_DATE_ < ?), "
                        + "count(*) filter (where T.DUE_DATE_ >= ? and T.DUE_DATE_ < ?) from " + tasks + " T where "
                        + offeredTo(), (rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                Timestamp.from(startOfToday), Timestamp.from(startOfToday), Timestamp.from(startOfTomorrow), groups(teams));
    }

    /** Open and overdue tasks by team (a task offered to two of the teams counts in both). */
    public List<Group> byTeam(Collection<String> teams, Instant startOfToday) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select I.GROUP_ID_, count(*), count(*) filter (where T.DUE_DATE_ < ?) from " + tasks + " T join "
                        + links + " I on I.TASK_ID_ = T.ID_ and I.TYPE_ = 'candidate' where I.GROUP_ID_ = any(?) "
                        + "group by I.GROUP_ID_ order by 1", (rs, i) -> new Group(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                Timestamp.from(startOfToday), groups(teams));
    }

    /** Open and overdue tasks by task type (its key), most first. */
    public List<Group> byType(Collection<String> teams, Instant startOfToday) {
        return grouped("T.TASK_DEF_KEY_", teams, startOfToday);
    }

    /** Open and overdue tasks by the person they are assigned to (an empty text for the team's unclaimed tasks), most first. */
    public List<Group> byPerson(Collection<String> teams, Instant startOfToday) {
        return grouped("coalesce(T.ASSIGNEE_, '')", teams, startOfToday);
    }

    /** The names of task types, by key, as the model names them. */
    public java.util.Map<String, String> typeNames(Collection<String> teams) {
        var names = new java.util.TreeMap<String, String>();
        if (!teams.isEmpty()) {
            jdbc.query("select T.TASK_DEF_KEY_, min(T.NAME_) from " + tasks + " T where " + offeredTo()
                    + " group by 1", rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    }, (Object) groups(teams));
        }
        return names;
    }

    /** A page of the teams' open tasks that pass the filter, the oldest first. */
    public List<TeamTask> oldest(Collection<String> teams, Filter filter, int first, int max) {
        if (teams.isEmpty()) {
            return List.of();
        }
        var args = new ArrayList<Object>();
        String where = where(teams, filter, args);
        args.add(max);
        args.add(first);
        var found = jdbc.query("select T.ID_, T.NAME_, T.TASK_DEF_KEY_, T.CREATE_TIME_, T.DUE_DATE_, T.ASSIGNEE_, "
                + "T.PROC_INST_ID_, (select string_agg(L.GROUP_ID_, ',' order by L.GROUP_ID_) from " + links + " L "
                + "where L.TASK_ID_ = T.ID_ and L.TYPE_ = 'candidate'), (select D.NAME_ from " + definitions + " D "
                + "where D.ID_ = T.PROC_DEF_ID_) from " + tasks + " T where " + where
                + " order by T.CREATE_TIME_, T.ID_ limit ? offset ?", (rs, i) -> new Object[] {rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9)}, args.toArray());
        var cases = records.byProcessInstances(found.stream().map(r -> (String) r[6]).distinct().toList());
        var upns = caseTasks.upnsOf(found.stream().map(r -> (String) r[6]).filter(id -> !cases.containsKey(id))
                .distinct().toList());
        return found.stream().map(r -> {
            var kase = cases.get((String) r[6]);
            return new TeamTask((String) r[0], (String) r[1], (String) r[2], (Instant) r[3], (Instant) r[4], (String) r[5],
                    r[7] == null ? List.of() : List.of(((String) r[7]).split(",")), kase,
                    kase == null ? upns.get((String) r[6]) : kase.upn(), (String) r[8]);
        }).toList();
    }

    public long matching(Collection<String> teams, Filter filter) {
        if (teams.isEmpty()) {
            return 0;
        }
        var args = new ArrayList<Object>();
        String where = where(teams, filter, args);
        Long count = jdbc.queryForObject("select count(*) from " + tasks + " T where " + where, Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** A task offered to a team the manager manages; otherwise it does not exist for them (404). */
    public TeamTask task(StaffUser manager, String taskId) {
        List<String> teams = teamsOf(manager);
        var found = teams.isEmpty() ? List.<TeamTask>of() : byId(teams, taskId);
        if (found.isEmpty()) {
            throw new NotFoundException("No task " + taskId);
        }
        return found.get(0);
    }

    /** Who the task may be given to: the enabled members of the teams it is offered to, by name. */
    public List<StaffUser> members(TeamTask task) {
        Set<String> groups = Set.copyOf(task.groups());
        return users.all().stream().filter(StaffUser::enabled)
                .filter(u -> u.camundaGroups().stream().anyMatch(groups::contains))
                .sorted(java.util.Comparator.comparing(u -> u.displayName() == null ? u.username() : u.displayName()))
                .toList();
    }

    /**
     * Gives the task to a member of a team it is offered to, or back to the team ({@code assignee} null or blank);
     * the case's timeline records who moved it, from whom and to whom.
     */
    @Transactional
    public TeamTask reassign(StaffUser manager, String taskId, String assignee) {
        TeamTask task = task(manager, taskId);
        String to = assignee == null || assignee.isBlank() ? null : assignee.trim();
        if (to != null && members(task).stream().noneMatch(u -> u.username().equals(to))) {
            throw new InvalidInputException("'" + to + "' is not a member of the team this task is offered to");
        }
        taskService.setAssignee(taskId, to);
        if (task.kase() != null) {
            records.addEvent(task.kase().id(), CaseEventKind.TASK, "Reassigned: " + task.name(),
                    (task.assignee() == null ? "From the team's list" : "From " + names.of(task.assignee()))
                            + (to == null ? " back to the team's list" : " to " + names.of(to)), manager.username());
        }
        return task(manager, taskId);
    }

    private List<TeamTask> byId(List<String> teams, String taskId) {
        var args = new ArrayList<Object>();
        String where = where(teams, Filter.NONE, args) + " and T.ID_ = ?";
        args.add(taskId);
        Long found = jdbc.queryForObject("select count(*) from " + tasks + " T where " + where, Long.class, args.toArray());
        if (found == null || found == 0) {
            return List.of();
        }
        var task = taskService.createTaskQuery().taskId(taskId).singleResult();
        var kase = records.byProcessInstances(List.of(task.getProcessInstanceId())).get(task.getProcessInstanceId());
        String upn = kase != null ? kase.upn() : caseTasks.upnsOf(List.of(task.getProcessInstanceId()))
                .get(task.getProcessInstanceId());
        var groups = new LinkedHashSet<String>();
        taskService.getIdentityLinksForTask(taskId).stream().filter(l -> "candidate".equals(l.getType())
                && l.getGroupId() != null).forEach(l -> groups.add(l.getGroupId()));
        String process = jdbc.query("select NAME_ from " + definitions + " where ID_ = ?",
                rs -> rs.next() ? rs.getString(1) : null, task.getProcessDefinitionId());
        return List.of(new TeamTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getAssignee(), groups.stream().sorted().toList(), kase, upn, process));
    }

    private List<Group> grouped(String column, Collection<String> teams, Instant startOfToday) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + column + ", count(*), count(*) filter (where T.DUE_DATE_ < ?) from " + tasks
                        + " T where " + offeredTo() + " group by 1 order by 2 desc, 1",
                (rs, i) -> new Group(rs.getString(1), rs.getLong(2), rs.getLong(3)), Timestamp.from(startOfToday),
                groups(teams));
    }

    private String offeredTo() {
        return "exists (select 1 from " + links + " I where I.TASK_ID_ = T.ID_ and I.TYPE_ = 'candidate' "
                + "and I.GROUP_ID_ = any(?))";
    }

    private String where(Collection<String> teams, Filter filter, List<Object> args) {
        var where = new StringBuilder(offeredTo());
        args.add(groups(teams));
        if (filter.team() != null && !filter.team().isBlank()) {
            where.append(" and exists (select 1 from ").append(links).append(" J where J.TASK_ID_ = T.ID_ ")
                    .append("and J.TYPE_ = 'candidate' and J.GROUP_ID_ = ?)");
            args.add(filter.team());
        }
        if (filter.taskKey() != null && !filter.taskKey().isBlank()) {
            where.append(" and T.TASK_DEF_KEY_ = ?");
            args.add(filter.taskKey());
        }
        if (filter.person() != null) {
            if (filter.person().isBlank()) {
                where.append(" and T.ASSIGNEE_ is null");
            } else {
                where.append(" and T.ASSIGNEE_ = ?");
                args.add(filter.person());
            }
        }
        return where.toString();
    }

    private static String[] groups(Collection<String> teams) {
        return teams.toArray(String[]::new);
    }
}
