package org.openattendance.casework;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.NotFoundException;
import org.openattendance.shared.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The task inbox and the case of a pupil, for the signed-in member of staff: the same reads as the inbox and pupil
 * pages ({@link CaseWork}), answered as JSON.
 */
@RestController
class CaseApi {

    /** A task: its case's stage is null when it belongs to no case, its UPN null when it is about no pupil. */
    record TaskBody(String id, String name, String taskKey, String upn, Stage stage, Instant due, String assignee) {

        static TaskBody of(CaseWork.WorkItem item) {
            return new TaskBody(item.id(), item.name(), item.taskKey(), item.upn(),
                    item.kase() == null ? null : item.kase().stage(), item.due(), item.assignee());
        }
    }

    record CaseBody(UUID caseId, String academicYear, Stage stage, String status, Priority priority,
                    List<TaskBody> openTasks, List<CaseStore.CaseEvent> timeline) {
    }

    private final CaseWork work;
    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final AuditTrail audit;

    CaseApi(CaseWork work, AccessPolicy access, SchoolDirectory directory, AuditTrail audit) {
        this.work = work;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/api/tasks")
    List<TaskBody> tasks(@RequestParam(required = false) String upn) {
        var described = work.workableFor(access.currentUser(), upn).stream().map(TaskBody::of).toList();
        if (upn != null && !upn.isBlank()) {
            audit.readPupil(upn.strip().toUpperCase(), "pupil", upn.strip().toUpperCase(),
                    "tasks for the pupil (" + described.size() + ")");
        } else {
            audit.record(AuditTrail.Action.READ_SCHOOL, "tasks", "workable", "task list (" + described.size() + " tasks)");
        }
        return described;
    }

    @PostMapping("/api/tasks/{id}/claim")
    ResponseEntity<?> claim(@PathVariable String id) {
        StaffUser user = access.currentUser();
        try {
            work.claim(user, id);
        } catch (TaskAlreadyClaimedException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(new ApiError(HttpStatus.CONFLICT.value(), "The task is already claimed"));
        }
        return ResponseEntity.ok(TaskBody.of(work.task(user, id)));
    }

    @GetMapping(value = "/api/tasks/{id}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] form(@PathVariable String id) {
        StaffUser user = access.currentUser();
        byte[] form = work.form(user, id);
        String upn = work.task(user, id).upn();
        if (upn != null) {
            audit.readPupil(upn, "task", id, "task form");
        }
        return form;
    }

    @PostMapping("/api/tasks/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Map<String, Object> submission) {
        work.validateAndComplete(access.currentUser(), id, submission);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/pupils/{upn}/case")
    CaseBody caseOf(@PathVariable String upn) {
        Pupil pupil = directory.visiblePupil(upn);
        var kase = work.caseOf(pupil.getUpn())
                .orElseThrow(() -> new NotFoundException("No case for pupil " + pupil.getUpn()));
        audit.record(AuditTrail.Action.READ_PUPIL, "case", pupil.getUpn(), "case " + kase.id());
        return new CaseBody(kase.id(), kase.academicYear(), kase.stage(), kase.status(), kase.priority(),
                work.openTasks(kase).stream().map(TaskBody::of).toList(), work.timeline(kase));
    }
}
