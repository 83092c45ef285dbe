package org.openattendance.legal;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the attendance case's model asks of the legal stages in expressions: the notices or prosecutions to start one
 * process each for ({@code ${legalCase.list(noticeIds)}}; the ids are kept as one text, since the engine stores no
 * Java lists), and who issues a Notice to Improve.
 */
@Component("legalCase")
public class LegalCase {

    public List<String> list(String ids) {
        return ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** SCHOOL unless the LA said it issues the Notice to Improve itself. */
    public String noticeToImproveIssuer(DelegateExecution execution) {
        return "LA".equals(execution.getVariable("ntiIssuedBy")) ? "LA" : "SCHOOL";
    }

    /** Whether the approval issued any notice. */
    public boolean anyNotices(DelegateExecution execution) {
        Object ids = execution.getVariable("noticeIds");
        return ids != null && !list(ids.toString()).isEmpty();
    }

    /** Whether any parent may not have a notice (third occasion in three years). */
    public boolean anyThirdOccasion(DelegateExecution execution) {
        return execution.getVariable("thirdOccasions") instanceof Number n && n.intValue() > 0;
    }
}
