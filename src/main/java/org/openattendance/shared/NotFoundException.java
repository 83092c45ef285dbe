package org.openattendance.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Answered with 404: the thing does not exist, or the caller may not know that it does. The JSON API answers it
 * with a JSON body (ApiErrorHandler); a web page answers it with the "Page not found" page.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
