package org.openattendance.missingeducation;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register of children missing education as JSON, for LA officers and managers of the LA (404 for others). */
@RestController
class CmeApi {

    record EnquiryData(LocalDate madeOn, String enquiry) {
    }

    record OutcomeData(CmeEntry.Outcome outcome, String detail) {
    }

    private final CmeRegister register;

    CmeApi(CmeRegister register) {
        this.register = register;
    }

    @GetMapping("/api/missing-education")
    List<CmeEntry> entries(@RequestParam(defaultValue = "false") boolean open) {
        return register.visibleEntries(open);
    }

    @GetMapping("/api/missing-education/{id}")
    CmeEntry entry(@PathVariable long id) {
        return register.visibleEntry(id);
    }

    @PostMapping("/api/missing-education/{id}/enquiries")
    CmeEntry enquiry(@PathVariable long id, @RequestBody EnquiryData data) {
        return register.addEnquiry(id, data.madeOn(), data.enquiry());
    }

    @PostMapping("/api/missing-education/{id}/outcome")
    CmeEntry outcome(@PathVariable long id, @RequestBody OutcomeData data) {
        return register.recordOutcome(id, data.outcome(), data.detail());
    }
}
