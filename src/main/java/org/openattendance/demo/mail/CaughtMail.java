package org.openattendance.demo.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.openattendance.shared.London;

/** One caught e-mail as the page shows it: who, what, the text, the links in it and the attachments. */
record CaughtMail(int number, String from, String to, String subject, String sent, String text, List<String> links,
                  List<Attachment> attachments) {

    record Attachment(int index, String fileName, String contentType, byte[] content) {
        public String size() {
            return content.length < 1024 ? content.length + " bytes" : (content.length + 1023) / 1024 + " KB";
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(London.ZONE);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    static CaughtMail of(int number, MimeMessage message) {
        try {
            var parts = new Parts();
            parts.read(message);
            List<String> links = new ArrayList<>();
            Matcher matcher = LINK.matcher(parts.text);
            while (matcher.find()) {
                String link = matcher.group().replaceAll("[.,;)]+$", "");
                if (!links.contains(link)) {
                    links.add(link);
                }
            }
            return new CaughtMail(number, addresses(message.getFrom()),
                    addresses(message.getRecipients(jakarta.mail.Message.RecipientType.TO)),
                    message.getSubject() == null ? "(no subject)" : message.getSubject(),
                    message.getSentDate() == null ? "" : WHEN.format(message.getSentDate().toInstant()),
                    parts.text.strip(), links, parts.attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("E-mail " + number + " could not be read: " + e.getMessage(), e);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** Walks the MIME tree: the first plain-text part is the text; parts with a file name are attachments. */
    private static final class Parts {
        String text = "";
        final List<Attachment> attachments = new ArrayList<>();

        void read(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    read(child);
                }
            } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add(new Attachment(attachments.size() + 1,
                        part.getFileName() == null ? "attachment-" + (attachments.size() + 1) : part.getFileName(),
                        part.getContentType().split(";")[0].trim(), bytes(part)));
            } else if (part.isMimeType("text/plain") && text.isEmpty()) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html") && text.isEmpty()) {
                text = org.jsoup.Jsoup.parse(part.getContent().toString()).body().wholeText();
            }
        }

        private static byte[] bytes(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream(); var out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                return out.toByteArray();
            }
        }
    }
}
