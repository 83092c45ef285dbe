package org.openattendance.legal;

/**
 * Why the school asks for a penalty notice: attendance did not improve enough after a Notice to Improve, or a
 * term-time holiday (G sessions after refused leave or none asked for), which needs no Notice to Improve first.
 */
public enum RequestRoute {
    NOT_IMPROVED_AFTER_NOTICE, TERM_TIME_HOLIDAY
}
