package org.openattendance.casework;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaEntry;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaMap;
import org.springframework.stereotype.Component;

/**
 * The letter a task leads to, read from the model: the "send the letter" step after the task (through its
 * gateways), its template and where each of the letter's fields comes from, so the task page can show the letter
 * that will go before the task is completed.
 */
@Component
class LettersAhead {

    /** The template of the letter ahead, and each letter field's source (a key of the task's form, or a variable). */
    record LetterAhead(String templateKey, Map<String, String> sources) {
    }

    private static final int MOST_STEPS = 4;

    private final RepositoryService repository;
    private final RuntimeService runtime;

    LettersAhead(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    Optional<LetterAhead> after(Task task) {
        var model = repository.getBpmnModelInstance(task.getProcessDefinitionId());
        if (!(model.getModelElementById(task.getTaskDefinitionKey()) instanceof FlowNode start)) {
            return Optional.empty();
        }
        var queue = new ArrayDeque<FlowNode>();
        var seen = new HashSet<String>();
        queue.add(start);
        for (int step = 0; step <= MOST_STEPS && !queue.isEmpty(); step++) {
            int width = queue.size();
            for (int i = 0; i < width; i++) {
                FlowNode node = queue.poll();
                for (SequenceFlow flow : node.getOutgoing()) {
                    FlowNode next = flow.getTarget();
                    if (!seen.add(next.getId())) {
                        continue;
                    }
                    if (next instanceof ServiceTask service && "${requestLetter}".equals(service.getCamundaDelegateExpression())) {
                        return letter(service);
                    }
                    if (next instanceof Gateway) {
                        queue.add(next); // only through gateways: another task in between is another step's letter
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The case's value of a variable the letter takes a field from. */
    Object variable(Task task, String name) {
        return runtime.getVariable(task.getProcessInstanceId(), name);
    }

    private static Optional<LetterAhead> letter(ServiceTask service) {
        if (service.getExtensionElements() == null) {
            return Optional.empty();
        }
        CamundaInputOutput io = service.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class)
                .singleResult();
        String template = null;
        var sources = new LinkedHashMap<String, String>();
        for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
            if ("letterTemplate".equals(parameter.getCamundaName())) {
                template = parameter.getTextContent().strip();
            } else if ("letterFields".equals(parameter.getCamundaName()) && parameter.getValue() instanceof CamundaMap map) {
                for (CamundaEntry entry : map.getCamundaEntries()) {
                    sources.put(entry.getCamundaKey(), entry.getTextContent().strip());
                }
            }
        }
        return template == null || template.contains("$") ? Optional.empty() : Optional.of(new LetterAhead(template, sources));
    }
}
