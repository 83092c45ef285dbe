package org.openattendance.legal;

/**
 * What sufficient improvement means for a Notice to Improve (POLICY, legal-policy.dmn): at most this many sessions
 * that count toward the penalty threshold in the improvement period, in the words the letter uses.
 */
public record SufficientImprovement(int allowedSessions, String meaning, String policyKey, int policyVersion) {
}
