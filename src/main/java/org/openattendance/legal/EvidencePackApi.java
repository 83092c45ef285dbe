package org.openattendance.legal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The pupil's evidence pack (PDF) through the API: the pupil's school and LA only, 404 for anyone else. */
@RestController
class EvidencePackApi {

    private final EvidencePackDocument document;

    EvidencePackApi(EvidencePackDocument document) {
        this.document = document;
    }

    @GetMapping(value = "/api/pupils/{upn}/evidence-pack", produces = "application/pdf")
    ResponseEntity<byte[]> pack(@PathVariable String upn) {
        return document.pdf(upn);
    }
}
