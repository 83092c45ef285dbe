package org.openattendance.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import org.openattendance.shared.web.UploadTooLargeException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Common Transfer File API: import for a school ({@code application/xml}), export for a pupil. */
@RestController
class CtfApi {

    private final CtfImport importer;
    private final CtfExport exporter;

    CtfApi(CtfImport importer, CtfExport exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    /** 200 when any pupil was taken, 422 when none was; the answer states the size limit. */
    @PostMapping(path = "/api/schools/{urn}/ctf", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<CtfImport.Result> importFile(@PathVariable String urn,
                                                @RequestParam(required = false) LocalDate admissionDate,
                                                HttpServletRequest request) throws IOException {
        byte[] xml = readLimited(request.getInputStream(), importer.maxBytes());
        CtfImport.Result result = importer.importFile(urn, xml, admissionDate);
        boolean nothingTaken = result.pupilsCreated() + result.pupilsUpdated() == 0;
        return ResponseEntity.status(nothingTaken ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK).body(result);
    }

    @GetMapping("/api/pupils/{upn}/ctf")
    ResponseEntity<byte[]> export(@PathVariable String upn, @RequestParam(required = false) String destination) {
        CtfExport.Export export = exporter.export(upn, destination);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(export.fileName())
                        .build().toString())
                .body(export.xml());
    }

    static byte[] readLimited(InputStream in, long max) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > max) {
                throw new UploadTooLargeException(max);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
