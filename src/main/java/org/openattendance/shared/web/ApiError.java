package org.openattendance.shared.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openattendance.shared.InvalidInputException;

/**
 * The body of every refused or failed /api/** answer: the HTTP status again, what went wrong in words, and for bad
 * input the problems field by field (left out when there are none).
 */
public record ApiError(int status, String error,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InvalidInputException.Problem> problems) {

    public ApiError(int status, String error) {
        this(status, error, List.of());
    }
}
