package org.openattendance.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.openattendance.casework.TeamTasks;
import org.openattendance.school.Pupil;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.SchoolDirectory;
import org.springframework.stereotype.Component;

/**
 * Who each task of a list is about, as the inbox shows it: the pupil's name, UPN and school, and the stage of their
 * case or, for a task outside any case (a leave request's), the request it is part of.
 */
@Component
class TaskPupils {

    /** The pupil of one task; {@code name} null when the task names no pupil the register knows. */
    record TaskPupil(String name, String upn, String school, String stage) {
    }

    private final PupilRoll roll;
    private final SchoolDirectory directory;
    private final Scopes scopes;

    TaskPupils(PupilRoll roll, SchoolDirectory directory, Scopes scopes) {
        this.roll = roll;
        this.directory = directory;
        this.scopes = scopes;
    }

    /** By task id; the names of the case pupils in one query. */
    Map<String, TaskPupil> of(List<TeamTasks.TeamTask> tasks) {
        List<Long> ids = tasks.stream().filter(t -> t.kase() != null).map(t -> t.kase().pupilId()).distinct().toList();
        Map<Long, PupilRoll.PupilName> names = ids.isEmpty() ? Map.of() : roll.namesOf(ids).stream()
                .collect(Collectors.toMap(PupilRoll.PupilName::pupilId, n -> n));
        var outsideCases = new HashMap<String, Optional<Pupil>>();
        var found = new HashMap<String, TaskPupil>();
        for (TeamTasks.TeamTask task : tasks) {
            if (task.kase() != null) {
                PupilRoll.PupilName name = names.get(task.kase().pupilId());
                found.put(task.id(), new TaskPupil(name == null ? null : name.forename() + " " + name.surname(),
                        task.upn(), scopes.schoolName(task.kase().schoolUrn()), StageLabels.of(task.kase().stage())));
            } else if (task.upn() != null) {
                Pupil pupil = outsideCases.computeIfAbsent(task.upn(), directory::pupil).orElse(null);
                found.put(task.id(), new TaskPupil(pupil == null ? null : pupil.getForename() + " " + pupil.getSurname(),
                        task.upn(), pupil == null ? null : scopes.schoolName(pupil.getSchoolUrn()), task.process()));
            } else {
                found.put(task.id(), new TaskPupil(null, null, null, task.process()));
            }
        }
        return found;
    }

    TaskPupil of(TeamTasks.TeamTask task) {
        return of(List.of(task)).get(task.id());
    }
}
