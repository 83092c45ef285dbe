package org.openattendance.demo.mail;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.openattendance.security.AccessPolicy;
import org.openattendance.shared.NotFoundException;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * For administrators in the demo: the e-mails the application sent (to parents, to staff), newest first, and each
 * one with its text, the links in it (a parent's confirmation link) and its attachments (the letter as a PDF).
 */
@Controller
@Profile("demo")
@RequestMapping("/admin/demo-mail")
class DemoMailPage {

    private final DemoMailCatcher catcher;
    private final AccessPolicy access;

    DemoMailPage(DemoMailCatcher catcher, AccessPolicy access) {
        this.catcher = catcher;
        this.access = access;
    }

    @ModelAttribute
    void onlyForAdministrators() {
        access.checkAdmin();
    }

    @GetMapping
    String list(Model model) {
        List<MimeMessage> received = catcher.received();
        var mails = new ArrayList<CaughtMail>(received.size());
        for (int i = received.size() - 1; i >= 0; i--) {
            mails.add(CaughtMail.of(i + 1, received.get(i)));
        }
        model.addAttribute("mails", mails);
        model.addAttribute("port", catcher.port());
        return "demo/mail-list";
    }

    @GetMapping("/{number}")
    String show(@PathVariable int number, Model model) {
        model.addAttribute("mail", mail(number));
        return "demo/mail";
    }

    @GetMapping("/{number}/attachments/{index}")
    ResponseEntity<byte[]> attachment(@PathVariable int number, @PathVariable int index) {
        var attachment = mail(number).attachments().stream().filter(a -> a.index() == index).findFirst()
                .orElseThrow(() -> new NotFoundException("E-mail " + number + " has no attachment " + index));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(attachment.fileName())
                        .build().toString())
                .body(attachment.content());
    }

    private CaughtMail mail(int number) {
        List<MimeMessage> received = catcher.received();
        if (number < 1 || number > received.size()) {
            throw new NotFoundException("No e-mail " + number + " in the demo mail catcher");
        }
        return CaughtMail.of(number, received.get(number - 1));
    }
}
