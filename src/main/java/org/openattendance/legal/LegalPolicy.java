package org.openattendance.legal;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The LA's legal policy in its DMN tables: legal-policy (periods, deadlines, due days), penalty-notice-policy (the
 * right to issue and the amounts) and notice-service (the receipt rule). Each answer carries the table's key and
 * deployed version, which the records and the case's timeline keep.
 */
@Component
class LegalPolicy {

    static final String POLICY = "legal-policy";
    static final String PENALTY = "penalty-notice-policy";
    static final String SERVICE = "notice-service";

    /** A number from legal-policy, with its plain-English meaning. */
    record Item(String item, int value, String meaning, int version) {
    }

    /** Whether a notice may be issued to this parent for this child, and on what terms (null when it may not). */
    record RightToIssue(boolean mayIssue, int earlierNotices, PenaltyTerms terms, int version) {
    }

    /** The receipt rule for one way of serving. */
    record Receipt(int workingDays, int version) {
    }

    private final LegalEngine engine;

    LegalPolicy(LegalEngine engine) {
        this.engine = engine;
    }

    Item item(String item) {
        var decided = engine.decide(POLICY, Map.of("policyItem", item));
        if (decided.result().isEmpty()) {
            throw new IllegalStateException("legal-policy.dmn has no row for " + item);
        }
        var row = decided.result().getSingleResult();
        return new Item(item, ((Number) row.getEntry("value")).intValue(), row.getEntry("meaning"), decided.version());
    }

    /** The improvement period of a Notice to Improve, in school weeks: 3 to 6 by law. */
    Item improvementWeeks() {
        Item weeks = item("ntiPeriodWeeks");
        if (weeks.value() < 3 || weeks.value() > 6) {
            throw new IllegalStateException("legal-policy.dmn version " + weeks.version() + " sets the improvement "
                    + "period to " + weeks.value() + " school weeks; the law allows 3 to 6");
        }
        return weeks;
    }

    RightToIssue rightToIssue(int earlierNotices) {
        var decided = engine.decide(PENALTY, Map.of("earlierNotices", earlierNotices));
        var row = decided.result().getSingleResult();
        boolean mayIssue = Boolean.TRUE.equals(row.get("mayIssue"));
        if (!mayIssue) {
            return new RightToIssue(false, earlierNotices, null, decided.version());
        }
        Number reduced = (Number) row.get("reducedAmount");
        Number reducedDays = (Number) row.get("reducedWithinDays");
        return new RightToIssue(true, earlierNotices, new PenaltyTerms(((Number) row.getEntry("occasion")).intValue(),
                reduced == null ? null : BigDecimal.valueOf(reduced.doubleValue()),
                reducedDays == null ? null : reducedDays.intValue(),
                BigDecimal.valueOf(((Number) row.getEntry("fullAmount")).doubleValue()),
                ((Number) row.getEntry("fullWithinDays")).intValue(), decided.version()), decided.version());
    }

    Receipt receipt(ServiceMethod method) {
        var decided = engine.decide(SERVICE, Map.of("serviceMethod", method.name()));
        return new Receipt(((Number) decided.result().getSingleResult().getEntry("workingDaysToReceipt")).intValue(),
                decided.version());
    }
}
