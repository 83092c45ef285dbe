package org.openattendance.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openattendance.security.StaffUser;

/**
 * The SQL behind a page of the inbox: the open tasks a member of staff may work (unassigned and offered to one of
 * their groups, or assigned to them, the same reach as {@link CaseTasks#workable}), joined to their cases so that
 * school and stage filter and case priority sorts in the database, and only one page is read.
 *
 * <p>The same text serves the engine's native task query ({@code #{name}} parameters) and plain JDBC
 * ({@code :name}); parameter names start with {@code inbox} so they cannot meet the engine's own.
 */
final class InboxQuery {

    private final String from;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * @param tasks      the engine's task table (ACT_RU_TASK, with any configured prefix)
     * @param links      the engine's identity link table
     * @param executions the engine's execution table: a task of a process the case called (a legal stage) belongs
     *                   to the case at the root of the calls
     * @param marker     how a named parameter is written: {@code #{name}} or {@code :name}
     */
    InboxQuery(StaffUser user, CaseWork.TaskFilter filter, String tasks, String links, String executions,
               Function<String, String> marker) {
        parameters.put("inboxUser", user.username());
        var groups = new ArrayList<String>();
        List<String> groupIds = user.camundaGroups();
        for (int i = 0; i < groupIds.size(); i++) {
            parameters.put("inboxGroup" + i, groupIds.get(i));
            groups.add(marker.apply("inboxGroup" + i));
        }
        var sql = new StringBuilder(" from ").append(tasks).append(" T left join ").append(executions)
                .append(" P on P.ID_ = T.PROC_INST_ID_ left join attendance_case C")
                .append(" on C.process_instance_id = coalesce(P.ROOT_PROC_INST_ID_, T.PROC_INST_ID_) where (T.ASSIGNEE_ = ")
                .append(marker.apply("inboxUser"));
        if (!groups.isEmpty()) {
            sql.append(" or (T.ASSIGNEE_ is null and exists (select 1 from ").append(links)
                    .append(" I where I.TASK_ID_ = T.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ in (")
                    .append(String.join(", ", groups)).append(")))");
        }
        sql.append(")");
        if (filter != null) {
            condition(sql, "C.school_urn", "inboxSchool", filter.schoolUrn(), marker);
            condition(sql, "C.stage", "inboxStage", filter.stage(), marker);
            condition(sql, "T.TASK_DEF_KEY_", "inboxType", filter.taskKey(), marker);
        }
        this.from = sql.toString();
    }

    /** The tasks' rows, earliest due first (no due date last), or by the case's priority first. */
    String select(boolean byPriority) {
        return "select T.*" + from + " order by "
                + (byPriority ? "case C.priority when 'TOP' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end, " : "")
                + "T.DUE_DATE_ asc nulls last, T.CREATE_TIME_ asc, T.ID_ asc";
    }

    String count() {
        return "select count(*)" + from;
    }

    /** School, stage and task type of every task in reach, once each: what the filters can offer. */
    String choices() {
        return "select C.school_urn, C.stage, T.TASK_DEF_KEY_, min(T.NAME_)" + from + " group by 1, 2, 3";
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    private void condition(StringBuilder sql, String column, String name, String value, Function<String, String> marker) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value.trim());
            sql.append(" and ").append(column).append(" = ").append(marker.apply(name));
        }
    }
}
