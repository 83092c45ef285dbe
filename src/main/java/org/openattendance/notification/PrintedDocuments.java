package org.openattendance.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

/**
 * The project's one way to print HTML as a PDF (openhtmltopdf): letters, and documents other modules assemble, such
 * as the legal module's evidence pack. The HTML is read by jsoup first, so it need not be strict XHTML; styles come
 * from the document's own {@code <style>} (no file or network is read).
 */
@Component
public class PrintedDocuments {

    /** The HTML page as a PDF. */
    public byte[] pdf(String html) {
        var out = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder().useFastMode()
                    .withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/")
                    .toStream(out).run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot print the document as PDF", e);
        }
        return out.toByteArray();
    }
}
