package org.openattendance.legal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.openattendance.casework.Stage;
import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Attendance contracts offered by the school or the LA: agreed or declined, reviewed on their dates, ended. */
@Service
public class AttendanceContracts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** What the school or the LA records when it offers a contract. */
    public record Offer(UUID caseId, String upn, Issuer offeredBy, String parties, String parentCommitments,
                        String providerCommitments, String supportOffered, LocalDate startsOn,
                        List<LocalDate> reviewDates, String officer) {
    }

    private final ContractStore store;
    private final SchoolDirectory directory;
    private final CaseTimeline timeline;

    AttendanceContracts(ContractStore store, SchoolDirectory directory, CaseTimeline timeline) {
        this.store = store;
        this.directory = directory;
        this.timeline = timeline;
    }

    @Transactional
    public AttendanceContract offer(Offer offer) {
        Pupil pupil = directory.pupil(offer.upn()).orElseThrow(() -> new NotFoundException("No pupil with UPN " + offer.upn()));
        String laCode = directory.school(pupil.getSchoolUrn()).orElseThrow().getLaCode();
        var contract = AttendanceContract.offer(offer.caseId(), pupil.getId(), pupil.getUpn(), pupil.getSchoolUrn(),
                laCode, offer.offeredBy(), offer.parties(), offer.parentCommitments(), offer.providerCommitments(),
                offer.supportOffered(), offer.startsOn(), offer.reviewDates(), offer.officer(),
                LegalEngine.now().toInstant());
        store.insert(contract);
        timeline.stage(offer.caseId(), Stage.ATTENDANCE_CONTRACT);
        timeline.note(offer.caseId(), "Attendance contract offered by the " + (offer.offeredBy() == Issuer.LA ? "LA" : "school"),
                "From " + DAY.format(contract.startsOn()) + "; reviews on " + String.join(", ",
                        contract.reviews().stream().map(r -> DAY.format(r.reviewOn())).toList()), offer.officer());
        return contract;
    }

    @Transactional
    public AttendanceContract agreed(UUID id, String by) {
        AttendanceContract contract = lock(id);
        contract.agreed();
        store.update(contract);
        timeline.note(contract.caseId(), "Attendance contract agreed with the parents", null, by);
        return contract;
    }

    @Transactional
    public AttendanceContract declined(UUID id, String notes, String by) {
        AttendanceContract contract = lock(id);
        contract.declined(notes, by, LegalEngine.now().toInstant());
        store.update(contract);
        timeline.note(contract.caseId(), "The parents declined the attendance contract", contract.outcomeNotes(), by);
        return contract;
    }

    @Transactional
    public AttendanceContract review(UUID id, String notes, String by) {
        AttendanceContract contract = lock(id);
        ContractReview held = contract.review(notes, by, LegalEngine.now().toInstant());
        store.update(contract);
        timeline.note(contract.caseId(), "Attendance contract reviewed (review of " + DAY.format(held.reviewOn()) + ")",
                held.notes(), by);
        return contract;
    }

    @Transactional
    public AttendanceContract close(UUID id, ContractOutcome outcome, String notes, String by) {
        AttendanceContract contract = lock(id);
        contract.close(outcome, notes, by, LegalEngine.now().toInstant());
        store.update(contract);
        timeline.note(contract.caseId(), "Attendance contract ended: " + outcome.name().toLowerCase(Locale.UK).replace('_', ' '),
                contract.outcomeNotes(), by);
        return contract;
    }

    /** Unchecked: the caller checks the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<AttendanceContract> find(UUID id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    public List<AttendanceContract> ofPupil(long pupilId) {
        return store.ofPupil(pupilId);
    }

    private AttendanceContract lock(UUID id) {
        return store.lock(id).orElseThrow(() -> new NotFoundException("No attendance contract " + id));
    }
}
