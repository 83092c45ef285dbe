package org.openattendance.legal;

import java.util.UUID;

/**
 * What every legal record (a Notice to Improve, a request for penalty notices, a penalty notice, an attendance
 * contract, a prosecution) is about: its own id, the attendance case it belongs to, the pupil (by id and UPN), the
 * pupil's school and its LA. Kept once here so that each record holds only what is its own.
 */
public abstract class LegalRecord {

    private final UUID id;
    private final UUID caseId;
    private final long pupilId;
    private final String upn;
    private final String schoolUrn;
    private final String laCode;

    LegalRecord(UUID id, UUID caseId, long pupilId, String upn, String schoolUrn, String laCode) {
        this.id = id;
        this.caseId = caseId;
        this.pupilId = pupilId;
        this.upn = upn;
        this.schoolUrn = schoolUrn;
        this.laCode = laCode;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public long pupilId() { return pupilId; }
    public String upn() { return upn; }
    public String schoolUrn() { return schoolUrn; }
    public String laCode() { return laCode; }
}
