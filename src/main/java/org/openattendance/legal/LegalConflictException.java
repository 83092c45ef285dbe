package org.openattendance.legal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The record is not in a state that allows this (a payment on a withdrawn notice, a second decision on a request):
 * answered with 409 and the reason; nothing was changed.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class LegalConflictException extends RuntimeException {
    public LegalConflictException(String message) {
        super(message);
    }
}
