package org.openattendance.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Answers whether the schools and LAs named in a user's scope exist, and keeps social workers' caseloads (the
 * pupils allocated to them); implemented by the school module.
 */
public interface ScopeDirectory {

    /** A pupil on a social worker's caseload, as an administrator's page shows them. */
    record CaseloadPupil(String upn, String name, String schoolName) {
    }

    boolean schoolExists(String urn);

    boolean localAuthorityExists(String laCode);

    /** For pages that name a user's scope. */
    Optional<String> schoolName(String urn);

    Optional<String> localAuthorityName(String laCode);

    /** Every LA by code, ordered by name. */
    Map<String, String> localAuthorities();

    /** The names ("Alex Smith") of the pupils with these UPNs that exist, by UPN: for the audit trail's pages. */
    Map<String, String> pupilNames(Collection<String> upns);

    /** The pupils allocated to a social worker, by surname. */
    java.util.List<CaseloadPupil> caseloadOf(String socialWorker);

    /**
     * Allocates the pupils with these UPNs to the social worker (replacing any other social worker they had); if a
     * UPN is not valid or not known, an InvalidInputException names each one and nobody is allocated. Uploads of
     * pupils from the school's MIS then keep this allocation.
     */
    void allocate(String socialWorker, java.util.List<String> upns);

    /** Takes the pupil off the social worker's caseload (uploads keep it off); answers whether they were on it. */
    boolean release(String socialWorker, String upn);
}
