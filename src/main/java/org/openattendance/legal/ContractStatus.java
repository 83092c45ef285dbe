package org.openattendance.legal;

/** OFFERED: waiting for the parents. AGREED: running, with reviews. DECLINED: the parents would not sign. ENDED. */
public enum ContractStatus {
    OFFERED, AGREED, DECLINED, ENDED
}
