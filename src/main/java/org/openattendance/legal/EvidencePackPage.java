package org.openattendance.legal;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The evidence pack from the pupil's page (session sign-in; the /api door is HTTP Basic only). A page controller, so a
 * pupil outside the caller's scope answers with the HTML 404 page.
 */
@Controller
class EvidencePackPage {

    private final EvidencePackDocument document;

    EvidencePackPage(EvidencePackDocument document) {
        this.document = document;
    }

    @GetMapping("/pupils/{upn}/evidence-pack.pdf")
    ResponseEntity<byte[]> pack(@PathVariable String upn) {
        return document.pdf(upn);
    }
}
