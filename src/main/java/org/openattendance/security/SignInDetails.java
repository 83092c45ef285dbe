package org.openattendance.security;

import java.io.Serializable;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a sign-in remembers beside the user: where it came from (for the per-address limit and the audit trail)
 * and when, for the session's absolute lifetime. Kept in the session with the rest of the security context.
 */
public record SignInDetails(String clientAddress, Instant signedInAt) implements Serializable {

    static SignInDetails of(HttpServletRequest request) {
        return new SignInDetails(ClientAddress.of(request), Instant.now());
    }
}
