package org.openattendance.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.openattendance.casework.CaseWork;
import org.openattendance.casework.CaseWork.WorkItem;
import org.openattendance.casework.Priority;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.StaffUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task inbox: the tasks the signed-in user may work, with counts, filters (school, stage, task type, as a
 * GET form that works without JavaScript), sorting by due date or priority, and claim / unclaim buttons.
 */
@Controller
class InboxPage {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    /** One task as the inbox table shows it. */
    record Row(String id, String name, String pupilName, String upn, String school, String stage, LocalDate due,
               String dueText, boolean overdue, boolean dueToday, String assignee, boolean mine, boolean severe,
               boolean safeguarding, int priorityRank) {
    }

    /** A choice in a filter's select. */
    record Option(String value, String label, boolean selected) {
    }

    private final CaseWork work;
    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final PupilRoll roll;
    private final Clock clock;

    InboxPage(CaseWork work, AccessPolicy access, SchoolDirectory directory, PupilRoll roll, Clock clock) {
        this.roll = roll;
        this.work = work;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) String school, @RequestParam(required = false) String stage,
                 @RequestParam(required = false) String type, @RequestParam(required = false) String sort,
                 Model model) {
        StaffUser user = access.currentUser();
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        List<WorkItem> items = work.workable(user);

        // Names only, in one query: loading whole pupil records (parents, cohorts) per task would not scale.
        var pupils = roll.namesOf(items.stream().filter(i -> i.kase() != null).map(i -> i.kase().pupilId())
                .distinct().toList()).stream().collect(Collectors.toMap(PupilRoll.PupilName::pupilId, Function.identity()));
        var schoolNames = new TreeMap<String, String>();
        items.stream().filter(i -> i.kase() != null).map(i -> i.kase().schoolUrn()).distinct()
                .forEach(urn -> schoolNames.put(urn, directory.school(urn).map(School::getName).orElse("School " + urn)));

        List<Row> all = items.stream().map(i -> {
            var k = i.kase();
            PupilRoll.PupilName p = k == null ? null : pupils.get(k.pupilId());
            LocalDate due = i.due() == null ? null : i.due().atZone(zone).toLocalDate();
            return new Row(i.id(), i.name(), p == null ? "" : p.forename() + " " + p.surname(),
                    i.upn() == null ? "" : i.upn(), k == null ? "" : schoolNames.get(k.schoolUrn()),
                    k == null ? "" : Labels.stage(k.stage()), due, due == null ? "No due date" : DAY.format(due),
                    due != null && due.isBefore(today), today.equals(due), i.assignee(),
                    user.username().equals(i.assignee()), i.severeAbsence(), i.safeguarding(),
                    k == null ? 3 : switch (k.priority()) { case TOP -> 0; case HIGH -> 1; default -> 2; });
        }).toList();

        // Counts are over every task in reach, not only the filtered ones.
        model.addAttribute("assignedToMe", all.stream().filter(Row::mine).count());
        model.addAttribute("myTeam", all.stream().filter(r -> r.assignee() == null).count());
        model.addAttribute("overdue", all.stream().filter(Row::overdue).count());
        model.addAttribute("dueToday", all.stream().filter(Row::dueToday).count());

        var filtered = items.stream()
                .filter(i -> blank(school) || (i.kase() != null && school.equals(i.kase().schoolUrn())))
                .filter(i -> blank(stage) || (i.kase() != null && stage.equals(i.kase().stage().name())))
                .filter(i -> blank(type) || type.equals(i.taskKey()))
                .map(WorkItem::id).collect(Collectors.toSet());
        Comparator<Row> byDue = Comparator.comparing(Row::due, Comparator.nullsLast(Comparator.naturalOrder()));
        boolean byPriority = "priority".equals(sort);
        Comparator<Row> order = byPriority ? Comparator.comparingInt(Row::priorityRank).thenComparing(byDue) : byDue;
        model.addAttribute("rows", all.stream().filter(r -> filtered.contains(r.id())).sorted(order).toList());
        model.addAttribute("total", all.size());

        model.addAttribute("schoolOptions", options(schoolNames, school));
        var stages = new TreeMap<String, String>();
        items.stream().filter(i -> i.kase() != null).forEach(i -> stages.put(i.kase().stage().name(), Labels.stage(i.kase().stage())));
        model.addAttribute("stageOptions", options(stages, stage));
        var types = new TreeMap<String, String>();
        items.stream().filter(i -> i.taskKey() != null).forEach(i -> types.put(i.taskKey(), i.name()));
        model.addAttribute("typeOptions", options(types, type));
        model.addAttribute("sortOptions", List.of(new Option("due", "Due date", !byPriority),
                new Option("priority", "Priority (severe absence first)", byPriority)));
        model.addAttribute("filtering", !blank(school) || !blank(stage) || !blank(type));
        model.addAttribute("topPriority", Priority.TOP);
        return "inbox/inbox";
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, RedirectAttributes redirect) {
        try {
            work.claim(access.currentUser(), id);
        } catch (TaskAlreadyClaimedException e) {
            redirect.addFlashAttribute("problem", "Someone else has already claimed that task");
        }
        return "redirect:/inbox";
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id) {
        work.unclaim(access.currentUser(), id);
        return "redirect:/inbox";
    }

    private static List<Option> options(Map<String, String> choices, String selected) {
        var list = new java.util.ArrayList<Option>();
        list.add(new Option("", "All", blank(selected)));
        choices.forEach((value, label) -> list.add(new Option(value, label, Objects.equals(value, selected))));
        return list;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
