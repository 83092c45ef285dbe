package org.openattendance.dashboard;

import java.util.List;

import org.openattendance.school.Cohort;

/**
 * Whose figures: the pupils of some schools (one school, an LA), narrowed to one cohort (the Virtual School: the
 * LA's looked-after children), or a list of pupils (a social worker's caseload).
 *
 * @param label      what the pages call it ('Millbrook Primary School', 'Northshire', 'Northshire Virtual School')
 * @param schoolUrns the schools whose pupils count
 * @param cohort     only pupils in this cohort, or null
 * @param pupilIds   only these pupils, or null
 */
record Scope(Kind kind, String label, String key, List<String> schoolUrns, Cohort cohort, List<Long> pupilIds) {

    enum Kind { SCHOOL, LA, VIRTUAL_SCHOOL, CASELOAD }

    Scope {
        schoolUrns = List.copyOf(schoolUrns);
        pupilIds = pupilIds == null ? null : List.copyOf(pupilIds);
    }

    static Scope school(String urn, String name) {
        return new Scope(Kind.SCHOOL, name, urn, List.of(urn), null, null);
    }

    static Scope la(String code, String name, List<String> schoolUrns) {
        return new Scope(Kind.LA, name, code, schoolUrns, null, null);
    }

    static Scope virtualSchool(String code, String laName, List<String> schoolUrns) {
        return new Scope(Kind.VIRTUAL_SCHOOL, laName + " Virtual School", code, schoolUrns, Cohort.LOOKED_AFTER, null);
    }

    static Scope caseload(String username, List<String> schoolUrns, List<Long> pupilIds) {
        return new Scope(Kind.CASELOAD, "Your caseload", username, schoolUrns, null, pupilIds);
    }
}
