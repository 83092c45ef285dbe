package org.openattendance.returns;

import java.util.List;
import java.util.Locale;

import org.openattendance.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Returns to the LA and the 20-day ground's joint enquiries as JSON. */
@RestController
class ReturnsApi {

    record EnquiriesBody(String processInstanceId) {
    }

    private final LaReturns returns;
    private final JointEnquiries enquiries;

    ReturnsApi(LaReturns returns, JointEnquiries enquiries) {
        this.returns = returns;
        this.enquiries = enquiries;
    }

    /** Every return the caller may see: a school's staff their schools', an LA's officers their schools'. */
    @GetMapping("/api/returns")
    List<LaReturn> visible(@RequestParam(required = false) String school, @RequestParam(required = false) String status,
                           @RequestParam(required = false) String kind) {
        return returns.visible(new LaReturns.Filter(blankToNull(school), parse(LaReturn.Status.class, "status", status),
                parse(LaReturn.Kind.class, "kind", kind)));
    }

    @GetMapping("/api/schools/{urn}/returns")
    List<LaReturn> ofSchool(@PathVariable String urn, @RequestParam(required = false) String status) {
        return returns.visible(new LaReturns.Filter(urn, parse(LaReturn.Status.class, "status", status), null));
    }

    @GetMapping("/api/returns/{id}")
    LaReturn one(@PathVariable long id) {
        return returns.visibleReturn(id);
    }

    /** The school makes a new pupil's return with the details the admission register does not hold. */
    @PostMapping("/api/returns/{id}")
    LaReturn make(@PathVariable long id, @RequestBody LaReturns.NewPupilDetails details) {
        return returns.makeNewPupilReturn(id, details);
    }

    /** Starts the joint enquiries of the school and the LA that the 20-day ground needs. */
    @PostMapping("/api/pupils/{upn}/twenty-day-enquiries")
    @ResponseStatus(HttpStatus.CREATED)
    EnquiriesBody startEnquiries(@PathVariable String upn) {
        return new EnquiriesBody(enquiries.start(upn));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name + " must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
