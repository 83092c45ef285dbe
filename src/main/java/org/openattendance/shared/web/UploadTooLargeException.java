package org.openattendance.shared.web;

/** Answered with 413 and the limit. */
public class UploadTooLargeException extends RuntimeException {
    public UploadTooLargeException(long limitBytes) {
        super("The upload is larger than the limit of " + limitBytes + " bytes (" + (limitBytes / (1024 * 1024))
                + " MB); split it into smaller files, e.g. one per term");
    }
}
