package org.openattendance.legal;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.openattendance.shared.AsOf;
import org.openattendance.shared.London;
import org.springframework.stereotype.Component;

/**
 * Every call the legal module makes into the process engine, in one place (see casework's CaseEngine): decisions
 * evaluated with the version that decided, and messages to the legal processes.
 */
@Component
class LegalEngine {


    /** A decision table's result and the deployed version of the table that gave it. */
    record Decided(DmnDecisionResult result, String key, int version) {
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final RuntimeService runtime;

    LegalEngine(DecisionService decisions, RepositoryService repository, RuntimeService runtime) {
        this.decisions = decisions;
        this.repository = repository;
        this.runtime = runtime;
    }

    /** Evaluates the latest deployed version of the table, and says which version that was. */
    Decided decide(String key, Map<String, Object> inputs) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("The decision table " + key + " is not deployed");
        }
        return new Decided(decisions.evaluateDecisionById(definition.getId()).variables(inputs).evaluate(), key,
                definition.getVersion());
    }

    /** Delivers a message to the process instance if it still waits for it; answers how many received it. */
    int correlate(String processInstanceId, String message, Map<String, Object> variables) {
        if (processInstanceId == null) {
            return 0;
        }
        return runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).setVariables(variables)
                .correlateAllWithResult().size();
    }

    /** Whether the process instance waits for this message now. */
    boolean waitsFor(String processInstanceId, String message) {
        return processInstanceId != null && runtime.createExecutionQuery().processInstanceId(processInstanceId)
                .messageEventSubscriptionName(message).count() > 0;
    }

    boolean isRunning(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /**
     * Today in England by the engine's clock, which process tests move with ClockUtil; for the demo data, the day the
     * step is taken as of ({@link AsOf}): the date of the event (issued on, served on, paid on) follows the story.
     */
    static LocalDate today() {
        return now().toInstant().atZone(London.ZONE).toLocalDate();
    }

    static Date now() {
        return AsOf.orElse(ClockUtil.getCurrentTime());
    }
}
