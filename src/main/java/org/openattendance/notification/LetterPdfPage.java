package org.openattendance.notification;

import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A letter's PDF for the staff pages (session sign-in; the /api door is HTTP Basic only). A page controller, so a
 * letter outside the caller's scope answers with the HTML 404 page rather than the API's JSON.
 */
@Controller
class LetterPdfPage {

    private final VisibleLetters letters;

    LetterPdfPage(VisibleLetters letters) {
        this.letters = letters;
    }

    @GetMapping("/letters/{id}/pdf")
    @Transactional
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return inline(letters.find(id, "letter PDF"));
    }

    static ResponseEntity<byte[]> inline(Letters.StoredLetter letter) {
        String filename = "letter-" + letter.templateKey() + "-" + letter.id() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(letter.pdf());
    }
}
