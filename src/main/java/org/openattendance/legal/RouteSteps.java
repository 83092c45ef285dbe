package org.openattendance.legal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The LA's decision when no penalty notice may be issued to a parent (a third occasion in three years): prosecution
 * (one for each such parent, each considering an education supervision order first), an education supervision
 * order, an attendance contract, or no further legal action, always with reasons.
 */
@Component("decideLegalRoute")
class RouteSteps implements TaskListener {

    private final PenaltyRequests requests;
    private final Prosecutions prosecutions;
    private final CaseTimeline timeline;

    RouteSteps(PenaltyRequests requests, Prosecutions prosecutions, CaseTimeline timeline) {
        this.requests = requests;
        this.prosecutions = prosecutions;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        String route = ProcessFields.required(task, "legalRoute",
                "PROSECUTE, SUPERVISION_ORDER, ATTENDANCE_CONTRACT or NO_FURTHER_ACTION");
        String reasons = ProcessFields.required(task, "legalRouteReasons", "why the LA takes this route");
        String by = ProcessFields.actor(task);
        PenaltyNoticeRequest request = requests.find(PenaltyRequestSteps.requestId(task)).orElseThrow();
        var execution = task.getExecution();
        switch (route) {
            case "PROSECUTE" -> {
                var ids = new ArrayList<String>();
                for (RequestParent parent : request.parents()) {
                    if (parent.outcome() == RequestParent.Outcome.THIRD_OCCASION) {
                        ids.add(prosecutions.openForParent(request.caseId(), request.pupilId(), request.upn(),
                                request.schoolUrn(), request.laCode(), parent.parent(), by).id().toString());
                    }
                }
                execution.setVariable("prosecutionIds", String.join(",", ids));
            }
            case "SUPERVISION_ORDER" -> prosecutions.esoApplied(request.caseId(), request.pupilId(), request.upn(),
                    request.laCode(), reasons, by);
            case "ATTENDANCE_CONTRACT", "NO_FURTHER_ACTION" -> timeline.note(request.caseId(),
                    "ATTENDANCE_CONTRACT".equals(route) ? "The LA offers an attendance contract instead of a penalty notice"
                            : "No further legal action", reasons, by);
            default -> throw new InvalidInputException("The decision cannot be recorded", List.of(
                    new InvalidInputException.Problem("legalRoute", "is not one of the routes offered")));
        }
        execution.setVariable("legalRoute", route);
    }
}
