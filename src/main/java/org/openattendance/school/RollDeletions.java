package org.openattendance.school;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path by which a pupil leaves a school's roll, whichever way the school asks (the pupils API, the deletion
 * page and API, a leaver's Common Transfer File, the end of the school's final year): the ground must be one of the
 * regulations' and be met, the date is never in the past, and those who must be told are: the LA (a deletion return,
 * {@link PupilDeletedFromRoll}), the social worker and the Virtual School Head ({@link DeletionFromRollPlanned}).
 */
@Service
public class RollDeletions {

    /** How the deletion reached the system, kept with it. */
    public enum Channel { PUPILS_API, DELETION_API, PAGE, CTF, END_OF_YEAR }

    private final PupilRepository pupils;
    private final SchoolRepository schools;
    private final List<DeletionGroundCheck> checks;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AccessPolicy access;
    private final AuditTrail audit;

    RollDeletions(PupilRepository pupils, SchoolRepository schools, List<DeletionGroundCheck> checks,
                  ApplicationEventPublisher events, JdbcTemplate jdbc, Clock clock, AccessPolicy access, AuditTrail audit) {
        this.pupils = pupils;
        this.schools = schools;
        this.checks = checks;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Deletes a pupil the signed-in member of staff may change (404 outside their scope, 403 for those who may only
     * read), or says why not (400 with each problem).
     */
    @Transactional
    public Pupil delete(String upn, DeletionRequest request, Channel channel) {
        Pupil pupil = pupils.findByUpn(upn == null ? "" : upn.trim().toUpperCase())
                .orElseThrow(() -> new org.openattendance.shared.NotFoundException("No pupil with UPN " + upn));
        School school = schools.findById(pupil.getSchoolUrn()).orElseThrow();
        access.checkPupilVisible(pupil.getUpn(), school.getUrn(), school.getLaCode(), pupil.getSocialWorker(),
                pupil.getCohorts().contains(Cohort.LOOKED_AFTER));
        access.checkSchoolRecordsWritable(school.getUrn(), school.getLaCode());
        List<Problem> problems = problemsWith("", pupil, pupil.getAdmissionDate(), request);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The pupil cannot be deleted from roll", problems);
        }
        record(pupil, request, channel);
        audit.record(AuditTrail.Action.CHANGE_PUPILS, "pupil", pupil.getUpn(), "deleted from roll on "
                + request.date() + ", ground " + DeletionGround.parse(request.ground()).orElseThrow().regulation());
        return pupil;
    }

    /**
     * What stops this deletion; {@code pupil} is null for a pupil not yet stored (then only grounds that need no
     * history can be met). {@code at} prefixes each problem's field (e.g. {@code [3].}).
     */
    public List<Problem> problemsWith(String at, Pupil pupil, LocalDate admissionDate, DeletionRequest request) {
        var problems = new ArrayList<Problem>();
        var ground = DeletionGround.parse(request.ground());
        LocalDate recorded = pupil == null ? null : pupil.getDeletionDate();
        boolean sameAsRecorded = request.date() != null && request.date().equals(recorded);
        if (request.date() == null) {
            problems.add(new Problem(at + "deletionDate", "is required"));
        } else {
            if (!sameAsRecorded && request.date().isBefore(LocalDate.now(clock))) {
                problems.add(new Problem(at + "deletionDate", request.date()
                        + " is in the past; deletions from roll are never back-dated"));
            }
            if (admissionDate != null && request.date().isBefore(admissionDate)) {
                problems.add(new Problem(at + "deletionDate", "is before the admission date"));
            }
            if (recorded != null && !sameAsRecorded && recorded.isBefore(LocalDate.now(clock))) {
                problems.add(new Problem(at + "deletionDate", "the pupil left the roll on " + recorded
                        + "; re-admit the pupil before deleting them again"));
            }
        }
        if (request.ground() == null || request.ground().isBlank()) {
            problems.add(new Problem(at + "deletionGround", "is required with a deletion date"));
        } else if (ground.isEmpty()) {
            problems.add(new Problem(at + "deletionGround", "'" + request.ground() + "' is not a ground for deletion in"
                    + " regulation 9 of the School Attendance (Pupil Registration) (England) Regulations 2024; use one of "
                    + DeletionGround.choices()));
        }
        if (ground.isEmpty() || sameAsRecorded || request.date() == null) {
            return problems;
        }
        problems.addAll(groundProblems(at, pupil, ground.get(), request));
        return problems;
    }

    private List<Problem> groundProblems(String at, Pupil pupil, DeletionGround ground, DeletionRequest request) {
        var problems = new ArrayList<Problem>();
        if (ground == DeletionGround.ELECTIVE_HOME_EDUCATION) {
            if (request.parentNoticeDate() == null) {
                problems.add(new Problem(at + "parentNoticeDate", "give the date of the parent's written notice that"
                        + " the child is educated at home: it is the ground for this deletion"));
            } else if (request.parentNoticeDate().isAfter(LocalDate.now(clock))) {
                problems.add(new Problem(at + "parentNoticeDate", "is in the future; record the notice once received"));
            }
        }
        if (ground == DeletionGround.FINAL_YEAR_COMPLETED && pupil != null) {
            Integer finalYear = schools.findById(pupil.getSchoolUrn()).map(School::getFinalYearGroup).orElse(null);
            if (finalYear == null || pupil.getYearGroup() != finalYear) {
                problems.add(new Problem(at + "deletionGround", "the standard transition is only for pupils in the"
                        + " school's final year group" + (finalYear == null ? "" : " (year " + finalYear + ")")));
            }
        }
        if (pupil == null) {
            if (ground == DeletionGround.CONTINUOUS_ABSENCE) {
                problems.add(new Problem(at + "deletionGround", "a pupil new to the roll cannot have been absent for"
                        + " 20 school days"));
            }
            return problems;
        }
        for (DeletionGroundCheck check : checks) {
            check.problemsWith(pupil, ground, request.date())
                    .forEach(message -> problems.add(new Problem(at + "deletionGround", message)));
        }
        return problems;
    }

    /**
     * Records a deletion already checked by {@link #problemsWith}, and tells those who must be told. A deletion
     * recorded twice (the same date sent again, a second node) is recorded and told once.
     */
    void record(Pupil pupil, DeletionRequest request, Channel channel) {
        DeletionGround ground = DeletionGround.parse(request.ground()).orElseThrow();
        pupil.deleteFromRoll(request.date(), ground.label());
        pupils.save(pupil);
        String by = recorder();
        Instant now = Instant.now(clock);
        int inserted = jdbc.update("""
                insert into pupil_deletion (pupil_id, deletion_date, ground, destination_school, new_address,
                  parent_notice_date, channel, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (pupil_id, deletion_date) do nothing""",
                pupil.getId(), Date.valueOf(request.date()), ground.name(), blankToNull(request.destinationSchool()),
                blankToNull(request.newAddress()),
                request.parentNoticeDate() == null ? null : Date.valueOf(request.parentNoticeDate()), channel.name(), by,
                Timestamp.from(now));
        if (inserted == 0) {
            return;
        }
        String laCode = schools.findById(pupil.getSchoolUrn()).map(School::getLaCode).orElse(null);
        events.publishEvent(new PupilDeletedFromRoll(pupil.getId(), pupil.getUpn(), pupil.getSchoolUrn(), laCode,
                request.date(), ground, blankToNull(request.destinationSchool()), blankToNull(request.newAddress()),
                request.parentNoticeDate(), by, now));
        events.publishEvent(new DeletionFromRollPlanned(pupil.getId(), pupil.getUpn(), pupil.getSchoolUrn(), laCode,
                request.date(), ground.label(), pupil.getSocialWorker(), pupil.getCohorts().contains(Cohort.LOOKED_AFTER)));
    }

    private static String recorder() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
