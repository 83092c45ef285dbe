package org.openattendance.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security handles the POST to /login (form login) and the POST to /logout; a failed
 * sign-in comes back as /login?error, a sign-out as /login?signedOut and a request with a session that timed out as
 * /login?timedOut.
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String signedOut, @RequestParam(required = false) String timedOut,
                 Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        // Thymeleaf does not let templates read request parameters in attributes; the page gets flags instead.
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("timedOut", timedOut != null);
        return "security/login";
    }
}
