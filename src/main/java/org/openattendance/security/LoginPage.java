package org.openattendance.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security handles the POST to /login (form login) and the POST to /logout; a failed
 * sign-in comes back as /login?error, one refused after too many failures as /login?paused (the same words whether
 * or not the account exists), a sign-out as /login?signedOut, a request with a session that timed out as
 * /login?timedOut, and one whose session ended because the user's access changed or it reached its absolute
 * lifetime as /login?changed or /login?expired.
 */
@Controller
class LoginPage {

    private final SignInThrottle throttle;
    private final Duration lifetime;

    LoginPage(SignInThrottle throttle, @Value("${openattendance.security.session.absolute-lifetime:PT12H}") Duration lifetime) {
        this.throttle = throttle;
        this.lifetime = lifetime;
    }

    /** The wait the sign-in named, within the throttle's window (the parameter is only a hint for the page). */
    private long minutes(String paused) {
        long window = throttle.window().toMinutes();
        try {
            long minutes = Long.parseLong(paused == null ? "" : paused.strip());
            return minutes >= 1 && minutes <= window ? minutes : window;
        } catch (NumberFormatException e) {
            return window;
        }
    }

    /** The error summary: a paused sign-in has nothing to link to; a failed one links to the username. */
    private static Map<String, String> errors(boolean failed, boolean paused, long pausedMinutes) {
        var errors = new LinkedHashMap<String, String>();
        if (paused) {
            errors.put("", "There have been too many attempts to sign in. Wait "
                    + (pausedMinutes == 1 ? "1 minute" : pausedMinutes + " minutes")
                    + " and try again, or ask your administrator to unlock your account.");
        }
        if (failed) {
            errors.put("username", "Enter a correct username and password");
        }
        return errors;
    }

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String signedOut, @RequestParam(required = false) String timedOut,
                 @RequestParam(required = false) String paused, @RequestParam(required = false) String changed,
                 @RequestParam(required = false) String expired, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        // Thymeleaf does not let templates read request parameters in attributes; the page gets flags instead.
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("timedOut", timedOut != null);
        model.addAttribute("paused", paused != null);
        model.addAttribute("changed", changed != null);
        model.addAttribute("expired", expired != null);
        model.addAttribute("errors", errors(error != null, paused != null, minutes(paused)));
        model.addAttribute("lifetime", SignedInSessionCheck.readable(lifetime));
        return "security/login";
    }
}
