package org.openattendance.legal;

/** Who issued a Notice to Improve or offered an attendance contract: the school or the local authority. */
public enum Issuer {
    SCHOOL, LA
}
