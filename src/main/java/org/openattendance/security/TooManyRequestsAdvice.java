package org.openattendance.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Over a rate limit: 429, Retry-After, and the GOV.UK "too many requests" page. */
@ControllerAdvice
class TooManyRequestsAdvice {

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException e, HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        return new ModelAndView("error/429", Map.of("minutes", e.minutes()), HttpStatus.TOO_MANY_REQUESTS);
    }
}
