package org.openattendance.casework;

/** TOP for severe absence (RULES.md section 10). */
public enum Priority {
    NORMAL, HIGH, TOP
}
