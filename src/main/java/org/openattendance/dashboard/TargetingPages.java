package org.openattendance.dashboard;

import java.util.Locale;

import org.openattendance.security.AuditTrail;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The termly targeting meeting packs: the LA's list of its schools, and each school's pack as a printable page and as
 * a PDF. For the LA's officers and managers (and administrators), and for the school's own staff. Audited: a pack
 * names pupils.
 */
@Controller
class TargetingPages {

    private final Scopes scopes;
    private final TargetingPack packs;
    private final AuditTrail audit;
    private final TemplateEngine templates;
    private final TargetingPdfs pdfs;

    TargetingPages(Scopes scopes, TargetingPack packs, AuditTrail audit, TemplateEngine templates, TargetingPdfs pdfs) {
        this.pdfs = pdfs;
        this.scopes = scopes;
        this.packs = packs;
        this.audit = audit;
        this.templates = templates;
    }

    @GetMapping("/dashboard/las/{code}/targeting")
    String la(@PathVariable String code, Model model) {
        Scope la = scopes.la(code);
        model.addAttribute("scope", la);
        model.addAttribute("term", TargetingPack.term(scopes.today()));
        model.addAttribute("schools", packs.schools(la));
        model.addAttribute("tabs", DashboardTabs.of(scopes.user(), la, "targeting"));
        return "dashboard/targeting-list";
    }

    @GetMapping("/dashboard/schools/{urn}/targeting")
    String school(@PathVariable String urn, Model model) {
        var pack = pack(urn);
        model.addAttribute("pack", pack);
        return "dashboard/targeting";
    }

    @GetMapping("/dashboard/schools/{urn}/targeting.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String urn) {
        var pack = pack(urn);
        var context = new Context(Locale.UK);
        context.setVariable("pack", pack);
        context.setVariable("f", new DashboardFormat());
        byte[] pdf = pdfs.of(pack.schoolUrn(), templates.process("dashboard/targeting-pdf", context));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.inline()
                .filename("targeting-" + pack.schoolUrn() + "-" + pack.prepared() + ".pdf").build());
        return ResponseEntity.ok().headers(headers).body(pdf);
    }

    private TargetingPack.Pack pack(String urn) {
        Scope school = scopes.school(urn);
        var pack = packs.of(school);
        audit.record(AuditTrail.Action.READ_PUPIL, "school", urn, "targeting meeting pack: "
                + (pack.severe().size() + pack.persistent().size() + pack.atRisk().size()) + " pupils");
        return pack;
    }
}
