package org.openattendance.casework;

import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.openattendance.shared.PerTransaction;
import org.openattendance.shared.AsOf;
import org.springframework.stereotype.Component;

/**
 * Every call the casework module makes into the process engine's runtime, in one place, so that a move from
 * Camunda 7 to Operaton is a change of imports here (and in the delegates, which implement engine interfaces).
 */
@Component
public class CaseEngine {

    public static final String CASE_PROCESS = "attendance-case";


    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final HistoryService history;
    private final ManagementService management;
    private final PerTransaction<String, Optional<DeployedDecision>> latestDecisions = new PerTransaction<>();

    CaseEngine(RuntimeService runtime, RepositoryService repository, TaskService tasks, HistoryService history,
               ManagementService management) {
        this.management = management;
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
        this.tasks = tasks;
    }

    /** Whether the case has an open task of this kind (the task definition key in the model). */
    public boolean hasOpenTask(String processInstanceId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).count() > 0;
    }

    /**
     * Widens the local variables of an open task's step (e.g. the dates a follow-up covers); answers whether a task
     * was open.
     */
    public boolean updateOpenTask(String processInstanceId, String taskKey, Map<String, Object> variables) {
        var open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
        open.forEach(task -> runtime.setVariablesLocal(task.getExecutionId(), variables));
        return !open.isEmpty();
    }

    /** Starts the case process and answers its instance id. */
    public String startCase(String businessKey, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(CASE_PROCESS, businessKey, variables).getId();
    }

    /**
     * Delivers a message to whatever in the case's process waits for it (none, one or several catch points);
     * answers how many received it. A message nobody waits for is not an error: the signal is on the timeline.
     */
    public int correlate(String processInstanceId, String messageName, Map<String, Object> variables) {
        return runtime.createMessageCorrelation(messageName).processInstanceId(processInstanceId)
                .setVariables(variables).correlateAllWithResult().size();
    }

    /** Starts a process unless one with this business key ever ran; answers whether it started one. */
    public boolean startOnce(String processKey, String businessKey, Map<String, Object> variables) {
        boolean ran = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).count() > 0
                || history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).count() > 0;
        if (!ran) {
            runtime.startProcessInstanceByKey(processKey, businessKey, variables);
        }
        return !ran;
    }

    public boolean isRunning(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /** The version of a decision that a decisionRef with the default binding ("latest") evaluates now. */
    public int latestDecisionVersion(String decisionKey) {
        DeployedDecision latest = latestDecision(decisionKey);
        return latest == null ? 0 : latest.version();
    }

    /**
     * The version of the decision that the engine evaluated for the business rule task that is ending now (the
     * decision log runs in the same engine command, which holds the definition the engine read to evaluate it); the
     * latest version if the command holds none.
     */
    public int evaluatedDecisionVersion(String decisionKey) {
        var commandContext = Context.getCommandContext();
        if (commandContext != null) {
            int evaluated = commandContext.getDbEntityManager().getCachedEntitiesByType(DecisionDefinitionEntity.class)
                    .stream().filter(d -> decisionKey.equals(d.getKey()))
                    .mapToInt(DecisionDefinitionEntity::getVersion).max().orElse(0);
            if (evaluated > 0) {
                return evaluated;
            }
        }
        return latestDecisionVersion(decisionKey);
    }

    /** A deployed version of a decision table: never changes once deployed (a change is a new version). */
    public record DeployedDecision(String id, int version) {
    }

    /**
     * The deployed decision that a decisionRef with the default binding ("latest") evaluates now, or null. Looked up
     * once per decision and transaction: the signals of a register load are handled twenty to a transaction, and each
     * case looked the same table up for every task. A version deployed since (on any node) is found by the next
     * transaction.
     */
    public DeployedDecision latestDecision(String decisionKey) {
        return latestDecisions.get(decisionKey, key -> Optional.ofNullable(lookUpLatest(key))).orElse(null);
    }

    private DeployedDecision lookUpLatest(String decisionKey) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().singleResult();
        return definition == null ? null : new DeployedDecision(definition.getId(), definition.getVersion());
    }

    /**
     * Moves the due dates of the process's open tasks and of its timers back by {@code by} (demonstration data: see
     * {@link CaseHistoryShift}).
     */
    void moveDueDatesBack(String processInstanceId, java.util.function.UnaryOperator<Date> moved) {
        for (var task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            if (task.getDueDate() != null) {
                task.setDueDate(moved.apply(task.getDueDate()));
                tasks.saveTask(task);
            }
        }
        for (var timer : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            management.setJobDuedate(timer.getId(), moved.apply(timer.getDuedate()));
        }
    }

    /** Runs the process's timer on this element of the model now, whatever its date; answers whether there was one. */
    boolean runTimerNow(String processInstanceId, String activityId) {
        var timers = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().list();
        timers.forEach(timer -> management.executeJob(timer.getId()));
        return !timers.isEmpty();
    }

    /**
     * Runs the timers that are due now of the process and of every process it called, and theirs (a legal stage's
     * notice and its prosecution), in this transaction, until none is due; answers how many ran.
     */
    int runDueTimersOfAllCalled(String processInstanceId) {
        int ran = 0;
        for (int round = 0; round < 20; round++) {
            var due = new java.util.ArrayList<org.camunda.bpm.engine.runtime.Job>();
            for (String instance : withAllCalled(processInstanceId)) {
                due.addAll(management.createJobQuery().processInstanceId(instance).timers().duedateLowerThan(now()).list());
            }
            if (due.isEmpty()) {
                break;
            }
            due.sort(java.util.Comparator.comparing(org.camunda.bpm.engine.runtime.Job::getDuedate));
            // One at a time, earliest first: a timer may end the process another one belongs to.
            management.executeJob(due.get(0).getId());
            ran++;
        }
        return ran;
    }

    private java.util.List<String> withAllCalled(String processInstanceId) {
        var all = new java.util.ArrayList<String>();
        var next = new java.util.ArrayDeque<String>(java.util.List.of(processInstanceId));
        while (!next.isEmpty()) {
            String instance = next.poll();
            all.add(instance);
            runtime.createProcessInstanceQuery().superProcessInstanceId(instance).list()
                    .forEach(called -> next.add(called.getId()));
        }
        return all;
    }

    /** Runs the process's timers that are due now, in this transaction; answers how many ran. */
    int runDueTimers(String processInstanceId) {
        int ran = 0;
        for (int round = 0; round < 10; round++) {
            var due = management.createJobQuery().processInstanceId(processInstanceId).timers()
                    .duedateLowerThan(now()).list();
            if (due.isEmpty()) {
                break;
            }
            for (var timer : due) {
                management.executeJob(timer.getId());
                ran++;
            }
        }
        return ran;
    }

    /** The engine's clock, which process tests move with ClockUtil (the demo data: {@link AsOf}). */
    public static Date now() {
        return AsOf.orElse(ClockUtil.getCurrentTime());
    }
}
