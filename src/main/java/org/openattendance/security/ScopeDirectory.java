package org.openattendance.security;

/** Answers whether the schools and LAs named in a user's scope exist; implemented by the school module. */
public interface ScopeDirectory {
    boolean schoolExists(String urn);

    boolean localAuthorityExists(String laCode);
}
