package org.openattendance.shared;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Input that cannot be accepted as a whole; nothing of it has been stored. Answered with 400. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

    /** One thing wrong: where (a field, a line, an index) and what. */
    public record Problem(String where, String message) {
    }

    private final List<Problem> problems;

    public InvalidInputException(String message) {
        this(message, List.of());
    }

    public InvalidInputException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
