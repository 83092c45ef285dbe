package org.openattendance.moduleproof.declared.cases;

/** Part of the cases module's API, used by the letters module. */
public record CaseOpened(String caseId) {
}
