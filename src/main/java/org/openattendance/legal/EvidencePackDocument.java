package org.openattendance.legal;

import java.util.Locale;

import org.openattendance.notification.PrintedDocuments;
import org.openattendance.school.Pupil;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.StaffNames;
import org.openattendance.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The evidence pack as a PDF, for the page and the API alike: only the pupil's school and LA (and administrators)
 * have it; for anyone else the pupil does not exist (404, the refusal audited); each pack made is audited with what
 * it lacked. Staff are named by their names, never by the usernames the records keep.
 */
@Component
class EvidencePackDocument {

    private final EvidencePack packs;
    private final LegalAccess access;
    private final AuditTrail audit;
    private final TemplateEngine templates;
    private final PrintedDocuments printer;
    private final StaffNames names;

    EvidencePackDocument(EvidencePack packs, LegalAccess access, AuditTrail audit, TemplateEngine templates,
                         PrintedDocuments printer, StaffNames names) {
        this.packs = packs;
        this.access = access;
        this.audit = audit;
        this.templates = templates;
        this.printer = printer;
        this.names = names;
    }

    ResponseEntity<byte[]> pdf(String upn) {
        Pupil pupil = access.visiblePupil(upn);
        if (!access.mayHaveEvidencePack(pupil)) {
            audit.refused(AuditTrail.Action.READ_PUPIL, "evidence-pack", pupil.getUpn(), pupil.getUpn(),
                    "only the pupil's school and LA have the evidence pack");
            throw new NotFoundException("No pupil with UPN " + upn);
        }
        var user = access.user();
        var pack = packs.of(pupil, names.of(user.username()), LegalEngine.now().toInstant());
        audit.readPupil(pupil.getUpn(), "evidence-pack", pupil.getUpn(), "evidence pack"
                + (pack.missing().isEmpty() ? ", nothing missing" : ", missing: " + String.join(", ",
                pack.missing().stream().map(EvidencePack.FileItem::item).toList())));
        var context = new Context(Locale.UK);
        context.setVariable("pack", pack);
        context.setVariable("w", new LegalWords());
        // The records name staff by the username they sign in with; a court reads the person's name.
        context.setVariable("names", names);
        byte[] pdf = printer.pdf(templates.process("legal/evidence-pack", context));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("evidence-pack-" + pupil.getUpn() + "-" + LegalEngine.today() + ".pdf").build().toString())
                .body(pdf);
    }
}
