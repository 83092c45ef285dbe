package org.openattendance.legal;

/** How an attendance contract ended: kept (attendance improved), not kept, declined, or ended early. */
public enum ContractOutcome {
    KEPT, NOT_KEPT, DECLINED, ENDED_EARLY
}
