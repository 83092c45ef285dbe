package org.openattendance.shared.web;

import java.util.List;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns bad input into a JSON answer that says what is wrong. Only for the JSON API ({@code @RestController}s):
 * the web pages ({@code @Controller}s) get HTML error pages (templates/error/*.html) through the exceptions'
 * {@code @ResponseStatus} and Spring Boot's error controller.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        String message = "The request body could not be read as JSON";
        if (e.getCause() instanceof InvalidFormatException format) {
            message = "Value '" + format.getValue() + "' at " + path(format) + " is not a valid "
                    + describe(format.getTargetType());
        } else if (e.getCause() instanceof MismatchedInputException mismatch) {
            message = "Unexpected value at " + path(mismatch) + ": expected " + describe(mismatch.getTargetType());
        }
        return body(HttpStatus.BAD_REQUEST, message, List.of());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type " + e.getContentType()
                + " is not accepted here; send one of " + e.getSupportedMediaTypes(), List.of());
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(UploadTooLargeException e) {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), List.of());
    }

    /**
     * The database could not be reached, or the connection broke (restarted, backend terminated) before the request
     * finished: nothing of it was stored (a load is one transaction), and trying again is safe. Never a 200.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class, TransientDataAccessException.class, RecoverableDataAccessException.class})
    ResponseEntity<ApiError> databaseUnavailable(Exception e) {
        LOG.warn("Request failed because the database was unavailable: {}", e.toString());
        var answer = body(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE, List.of());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(answer.getBody());
    }

    /**
     * A lost connection wrapped in another exception (the register's COPY streams through the driver's own API):
     * 503 as above. Anything else goes on to Spring's own handling.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiError> wrappedDatabaseFailure(RuntimeException e) {
        if (DatabaseUnavailable.isConnectionFailure(e)) {
            return databaseUnavailable(e);
        }
        throw e;
    }

    /** Anything else unexpected: a 500 that says so, with the details in the log, not in the answer. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ApiError> databaseError(DataAccessException e) {
        if (DatabaseUnavailable.isConnectionFailure(e)) {
            return databaseUnavailable(e);
        }
        LOG.error("Request failed in the database", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed in the database and nothing of it was stored. "
                + "If it happens again, tell the service desk the time it happened.", List.of());
    }

    private static String path(MismatchedInputException e) {
        var path = new StringBuilder();
        e.getPath().forEach(ref -> path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]"));
        return path.isEmpty() ? "the top level" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return type.getSimpleName() + " (one of " + List.of(type.getEnumConstants()) + ")";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "LocalTime" -> "time (HH:MM)";
            default -> type.getSimpleName();
        };
    }

    static ResponseEntity<ApiError> body(HttpStatus status, String message, List<InvalidInputException.Problem> problems) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message, problems));
    }
}
