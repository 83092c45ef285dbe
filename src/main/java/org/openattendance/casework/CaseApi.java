package org.openattendance.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox and the case of a pupil, for the signed-in member of staff. */
@RestController
class CaseApi {

    private final CaseTasks tasks;
    private final CaseStore records;
    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final AuditTrail audit;
    private final CaseWork work;

    CaseApi(CaseTasks tasks, CaseStore records, AccessPolicy access, SchoolDirectory directory, AuditTrail audit,
            CaseWork work) {
        this.work = work;
        this.tasks = tasks;
        this.records = records;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/api/tasks")
    List<Map<String, Object>> tasks(@RequestParam(required = false) String upn) {
        var described = describe(tasks.workable(access.currentUser(), upn));
        if (upn != null && !upn.isBlank()) {
            audit.readPupil(upn.strip().toUpperCase(), "pupil", upn.strip().toUpperCase(),
                    "tasks for the pupil (" + described.size() + ")");
        } else {
            audit.record(AuditTrail.Action.READ_SCHOOL, "tasks", "workable", "task list (" + described.size() + " tasks)");
        }
        return described;
    }

    @PostMapping("/api/tasks/{id}/claim")
    ResponseEntity<Map<String, Object>> claim(@PathVariable String id) {
        StaffUser user = access.currentUser();
        try {
            tasks.claim(user, id);
        } catch (TaskAlreadyClaimedException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "error", "The task is already claimed"));
        }
        return ResponseEntity.ok(describe(List.of(tasks.visible(user, id))).get(0));
    }

    @GetMapping(value = "/api/tasks/{id}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] form(@PathVariable String id) {
        byte[] form = tasks.form(access.currentUser(), id);
        Object upn = describe(List.of(tasks.visible(access.currentUser(), id))).get(0).get("upn");
        if (upn != null) {
            audit.readPupil(upn.toString(), "task", id, "task form");
        }
        return form;
    }

    @PostMapping("/api/tasks/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Map<String, Object> submission) {
        work.validateAndComplete(access.currentUser(), id, submission);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/pupils/{upn}/case")
    Map<String, Object> caseOf(@PathVariable String upn) {
        Pupil pupil = directory.visiblePupil(upn);
        var record = records.latestFor(pupil.getUpn())
                .orElseThrow(() -> new NotFoundException("No case for pupil " + pupil.getUpn()));
        audit.record(AuditTrail.Action.READ_PUPIL, "case", pupil.getUpn(), "case " + record.id());
        var body = new LinkedHashMap<String, Object>();
        body.put("caseId", record.id());
        body.put("academicYear", record.academicYear());
        body.put("stage", record.stage());
        body.put("status", record.status());
        body.put("priority", record.priority());
        body.put("openTasks", record.processInstanceId() == null ? List.of()
                : describe(tasks.openTasksOf(record.processInstanceId())));
        body.put("timeline", records.timeline(record.id()));
        return body;
    }

    private List<Map<String, Object>> describe(List<CaseTasks.TaskView> views) {
        var cases = tasks.casesOf(views.stream().map(CaseTasks.TaskView::processInstanceId).distinct().toList());
        var upns = tasks.upnsOf(views.stream().map(CaseTasks.TaskView::processInstanceId)
                .filter(id -> !cases.containsKey(id)).distinct().toList());
        return views.stream().map(t -> {
            var c = cases.get(t.processInstanceId());
            var row = new LinkedHashMap<String, Object>();
            row.put("id", t.id());
            row.put("name", t.name());
            row.put("taskKey", t.taskKey());
            row.put("upn", c == null ? upns.get(t.processInstanceId()) : c.upn());
            row.put("stage", c == null ? null : c.stage());
            row.put("due", t.due() == null ? null : t.due().toInstant());
            row.put("assignee", t.assignee());
            return (Map<String, Object>) row;
        }).toList();
    }
}
