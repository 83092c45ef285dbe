package org.openattendance.casework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the case timeline's listeners on the attendance case's tasks when the engine parses the model, the way
 * camunda-bpm-examples' InformAssigneeParseListener adds a cross-cutting listener, instead of repeating them on
 * every element of processes/attendance-case.bpmn (where an LA officer would have to read past them):
 * <ul>
 * <li>every user task: {@code taskLog} on create and complete (the timeline shows each task created and who
 * completed it with what), before the task's own listeners, as it always stood first in the model;</li>
 * <li>every business rule task: {@code decisionLog} on end (which table and version decided what).</li>
 * </ul>
 * The listeners are the same beans, named by delegate expression and looked up when they run, as a listener in
 * the model would be. The processes the case calls for its legal stages (Notice to Improve, penalty notice,
 * prosecution, attendance contract) carry the case's id and are treated the same. Other processes (leave, deletion
 * from roll) have no case timeline and are left alone.
 */
@Component
class CaseTimelinePlugin extends AbstractProcessEnginePlugin {

    static final String TASK_LOG = "${taskLog}";
    /** The attendance case and the processes it calls, which write on its timeline. */
    static final java.util.Set<String> CASE_PROCESSES = java.util.Set.of(CaseEngine.CASE_PROCESS, "notice-to-improve",
            "penalty-notice", "prosecution", "attendance-contract");
    static final String DECISION_LOG = "${decisionLog}";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new CaseTimelineParseListener(configuration));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    static class CaseTimelineParseListener extends AbstractBpmnParseListener {

        private final ProcessEngineConfigurationImpl configuration;

        CaseTimelineParseListener(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (!inCase(activity)) {
                return;
            }
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            TaskListener taskLog = new DelegateExpressionTaskListener(
                    configuration.getExpressionManager().createExpression(TASK_LOG), List.of());
            Map<String, List<TaskListener>> listeners = new HashMap<>();
            task.getTaskListeners().forEach((event, list) -> listeners.put(event, new ArrayList<>(list)));
            for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_COMPLETE)) {
                listeners.computeIfAbsent(event, e -> new ArrayList<>()).add(0, taskLog);
            }
            task.setTaskListeners(listeners);
        }

        @Override
        public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (inCase(activity)) {
                activity.addListener(ExecutionListener.EVENTNAME_END, new DelegateExpressionExecutionListener(
                        configuration.getExpressionManager().createExpression(DECISION_LOG), List.of()));
            }
        }

        private static boolean inCase(ActivityImpl activity) {
            return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                    && CASE_PROCESSES.contains(definition.getKey());
        }
    }
}
