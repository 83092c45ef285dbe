package org.openattendance.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * A multipart request over {@code spring.servlet.multipart.max-file-size} fails before any controller is chosen,
 * so only an advice without selectors sees it (ApiErrorHandler, restricted to controller types, does not).
 * Answered here with the "file is too large" page, or the API's JSON shape under /api/, rather than leaving it
 * to a plain sendError(413): on that error dispatch Spring would parse the same oversized body again, fail
 * again, and send 413 with an empty body.
 * <p>
 * Over the limit Tomcat reads none of the form's fields, so the CSRF token is missing too and Spring Security
 * answers 403 first; the error dispatch for that 403 meets the same multipart failure and lands here as well, so
 * the person sees "The file is too large" either way (nothing is stored in any case).
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    private final DataSize maxFileSize;

    UploadTooLargeAdvice(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        String limit = maxFileSize.toMegabytes() + "MB";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            var body = new LinkedHashMap<String, Object>();
            body.put("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
            body.put("error", "The upload is larger than the limit of " + maxFileSize.toBytes() + " bytes (" + limit + ")");
            var json = new MappingJackson2JsonView();
            json.setExtractValueFromSingleKeyModel(false);
            var answer = new ModelAndView(json, body);
            answer.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
            return answer;
        }
        return new ModelAndView("error/413", Map.of("maxSize", limit), HttpStatus.PAYLOAD_TOO_LARGE);
    }
}
