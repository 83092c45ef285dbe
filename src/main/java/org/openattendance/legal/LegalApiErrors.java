package org.openattendance.legal;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A legal record not in a state for the request answers 409 with the reason, in the API's JSON error shape. */
@RestControllerAdvice(basePackageClasses = LegalApiErrors.class, annotations = RestController.class)
class LegalApiErrors {

    @ExceptionHandler(LegalConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(LegalConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "error", e.getMessage()));
    }
}
