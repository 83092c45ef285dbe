package org.openattendance.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs people in with their username and password (the form and HTTP Basic alike), counting every attempt
 * against {@link SignInThrottle} before the password is checked. A failed attempt is audited; so is the one that
 * pauses an account or address.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditTrail audit;

    ThrottledSignIn(StaffUserStore users, PasswordEncoder encoder, SignInThrottle throttle, AuditTrail audit) {
        this.throttle = throttle;
        this.audit = audit;
        this.passwords = new DaoAuthenticationProvider(encoder);
        passwords.setUserDetailsService(users);
        // Whether an account is disabled is checked only after its password: otherwise a guess at a disabled
        // account would answer faster (no hashing), telling that it exists.
        passwords.setPreAuthenticationChecks(user -> {
        });
        passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("The account is disabled");
            }
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = addressOf(authentication);
        SignInThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(username, address);
        } catch (RuntimeException e) {
            // The limits live in the database: without it nobody can be signed in, as when the users table fails.
            throw new InternalAuthenticationServiceException("Sign-in limits could not be read", e);
        }
        if (!attempt.allowed()) {
            throw new SignInPausedException(attempt.retryAfter());
        }
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            try {
                throttle.succeeded(username, address);
            } catch (RuntimeException e) {
                throw new InternalAuthenticationServiceException("Sign-in limits could not be updated", e);
            }
            return signedIn;
        } catch (InternalAuthenticationServiceException e) {
            throw e;
        } catch (AuthenticationException e) {
            audit.signInFailed(username, address, attempt.accountRemaining() == 0, attempt.addressRemaining() == 0);
            if (e instanceof BadCredentialsException) {
                throw e;
            }
            // A disabled account with its right password: the same answer as a wrong password.
            throw new BadCredentialsException("Bad credentials");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String addressOf(Authentication authentication) {
        if (authentication.getDetails() instanceof SignInDetails details) {
            return details.clientAddress();
        }
        String current = ClientAddress.ofCurrentRequest();
        return current == null ? "unknown" : current;
    }
}
