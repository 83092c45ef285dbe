package org.openattendance.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Answers whether the schools and LAs named in a user's scope exist; implemented by the school module. */
public interface ScopeDirectory {
    boolean schoolExists(String urn);

    boolean localAuthorityExists(String laCode);

    /** For pages that name a user's scope. */
    Optional<String> schoolName(String urn);

    Optional<String> localAuthorityName(String laCode);

    /** Every LA by code, ordered by name. */
    Map<String, String> localAuthorities();

    /** The names ("Alex Smith") of the pupils with these UPNs that exist, by UPN: for the audit trail's pages. */
    Map<String, String> pupilNames(Collection<String> upns);
}
