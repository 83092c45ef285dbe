package org.openattendance.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The targeting packs as PDFs, each made once for its content and kept in the database: a pack's PDF is looked up by
 * the SHA-256 of the pack's HTML, which holds everything the PDF shows (figures, names, stages, actions and the day
 * it was prepared). Any change to the pack changes its HTML, so a stale PDF is never handed out, on any node; an
 * unchanged pack is not rendered again (the renderer takes a second or more for a school of 1,000 pupils).
 */
@Component
class TargetingPdfs {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TargetingPdfs(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The PDF of the school's pack whose HTML is {@code html}: the one kept for it, or made now and kept. */
    byte[] of(String schoolUrn, String html) {
        String fingerprint = fingerprint(html);
        List<byte[]> kept = jdbc.query("select pdf from dashboard_targeting_pdf where school_urn = ? and fingerprint = ?",
                (rs, i) -> rs.getBytes(1), schoolUrn, fingerprint);
        if (!kept.isEmpty()) {
            return kept.get(0);
        }
        byte[] pdf = render(html);
        // Two nodes making the same pack at once write the same bytes; the last one's stays.
        jdbc.update("""
                insert into dashboard_targeting_pdf (school_urn, fingerprint, pdf, made_at) values (?, ?, ?, ?)
                on conflict (school_urn) do update set fingerprint = excluded.fingerprint, pdf = excluded.pdf,
                    made_at = excluded.made_at""", schoolUrn, fingerprint, pdf, Timestamp.from(clock.instant()));
        return pdf;
    }

    static byte[] render(String html) {
        var out = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder().useFastMode().withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/")
                    .toStream(out).run();
        } catch (IOException e) {
            throw new IllegalStateException("The pack could not be made into a PDF", e);
        }
        return out.toByteArray();
    }

    static String fingerprint(String html) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(html.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
