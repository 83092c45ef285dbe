package org.openattendance.staffweb.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.openattendance.casework.CaseWork;
import org.openattendance.casework.CaseWork.TaskChoice;
import org.openattendance.casework.CaseWork.TaskCounts;
import org.openattendance.casework.CaseWork.TaskFilter;
import org.openattendance.casework.CaseWork.TaskPage;
import org.openattendance.casework.CaseWork.WorkItem;
import org.openattendance.casework.Priority;
import org.openattendance.school.Pupil;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.staffweb.shell.Labels;
import org.openattendance.shared.web.Choice;
import org.openattendance.shared.web.Pagination;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The task inbox: the tasks the signed-in user may work, with counts, filters (school, stage, task type, as a
 * GET form that works without JavaScript), sorting by due date or priority, claim / unclaim buttons, and pages of
 * {@value #PAGE_SIZE} tasks. Counts, filters, order and page are worked out in the database, so the page costs
 * about the same with ten tasks or ten thousand (docs/performance.md).
 */
@Controller
class InboxPage {

    /** One task as the inbox table shows it. */
    record Row(String id, String name, String pupilName, String upn, String school, String stage, LocalDate due,
               String dueText, boolean overdue, boolean dueToday, String assignee, boolean mine, boolean severe,
               boolean safeguarding) {
    }

    /** Tasks on one page of the inbox. */
    static final int PAGE_SIZE = 50;

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
                 @RequestParam(required = false) String page, Model model) {
        StaffUser user = access.currentUser();
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        int pageNumber = pageNumber(page);

        // Counts are over every task in reach, not only the filtered ones; the engine counts them.
        TaskCounts counts = work.counts(user, today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant());
        model.addAttribute("assignedToMe", counts.assignedToMe());
        model.addAttribute("myTeam", counts.team());
        model.addAttribute("overdue", counts.overdue());
        model.addAttribute("dueToday", counts.dueToday());
        model.addAttribute("total", counts.total());

        boolean byPriority = "priority".equals(sort);
        var filter = new TaskFilter(school, stage, type, byPriority);
        TaskPage tasks = work.workable(user, filter, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE);
        long matching = tasks.matching();
        int pages = (int) Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
        if (pageNumber > pages) {
            // A page that has emptied (tasks completed since the link was made): show the last one.
            pageNumber = pages;
            tasks = work.workable(user, filter, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE);
        }

        List<TaskChoice> choices = work.choices(user);
        var schoolNames = new TreeMap<String, String>();
        choices.stream().map(TaskChoice::schoolUrn).filter(Objects::nonNull).distinct()
                .forEach(urn -> schoolNames.put(urn, directory.school(urn).map(School::getName).orElse("School " + urn)));
        model.addAttribute("rows", rows(user, tasks.items(), schoolNames, zone, today));
        model.addAttribute("matching", matching);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("pages", pages);
        model.addAttribute("firstShown", matching == 0 ? 0 : (long) (pageNumber - 1) * PAGE_SIZE + 1);
        model.addAttribute("lastShown", Math.min(matching, (long) pageNumber * PAGE_SIZE));
        model.addAttribute("pagination", Pagination.of(pageNumber, pages, number -> link(school, stage, type, sort, number)));
        model.addAttribute("here", link(school, stage, type, sort, pageNumber));

        model.addAttribute("schoolOptions", options(schoolNames, school));
        var stages = new TreeMap<String, String>();
        choices.stream().filter(c -> c.stage() != null).forEach(c -> stages.put(c.stage().name(), Labels.stage(c.stage())));
        model.addAttribute("stageOptions", options(stages, stage));
        var types = new TreeMap<String, String>();
        choices.stream().filter(c -> c.taskKey() != null).forEach(c -> types.put(c.taskKey(), c.taskName()));
        model.addAttribute("typeOptions", options(types, type));
        model.addAttribute("sortOptions", List.of(new Choice("due", "Due date", !byPriority),
                new Choice("priority", "Priority (severe absence first)", byPriority)));
        model.addAttribute("filtering", !blank(school) || !blank(stage) || !blank(type));
        model.addAttribute("topPriority", Priority.TOP);
        return "inbox/inbox";
    }

    /** The page's rows: pupil names in one query for the page's tasks only. */
    private List<Row> rows(StaffUser user, List<WorkItem> items, Map<String, String> schoolNames, ZoneId zone,
                           LocalDate today) {
        var pupils = roll.namesOf(items.stream().filter(i -> i.kase() != null).map(i -> i.kase().pupilId())
                .distinct().toList()).stream().collect(Collectors.toMap(PupilRoll.PupilName::pupilId, Function.identity()));
        var withoutCase = new java.util.HashMap<String, Optional<Pupil>>();
        return items.stream().map(i -> {
            var k = i.kase();
            PupilRoll.PupilName p = k == null ? null : pupils.get(k.pupilId());
            String name = p == null ? "" : p.forename() + " " + p.surname();
            String school = k == null ? "" : schoolName(schoolNames, k.schoolUrn());
            String stage = k == null ? "" : Labels.stage(k.stage());
            if (k == null && i.upn() != null) {
                // A task of a request about a pupil outside any case (leave of absence): the pupil from the register.
                Pupil pupil = withoutCase.computeIfAbsent(i.upn(), directory::pupil).orElse(null);
                if (pupil != null) {
                    name = pupil.getForename() + " " + pupil.getSurname();
                    school = schoolName(schoolNames, pupil.getSchoolUrn());
                }
                stage = stageOutsideCase(i);
            }
            LocalDate due = i.due() == null ? null : i.due().atZone(zone).toLocalDate();
            return new Row(i.id(), i.name(), name, i.upn() == null ? "" : i.upn(), school, stage, due,
                    due == null ? "No due date" : Labels.DAY.format(due),
                    due != null && due.isBefore(today), today.equals(due), i.assignee(),
                    user.username().equals(i.assignee()), i.severeAbsence(), i.safeguarding());
        }).toList();
    }

    /** What a task outside the case ladder is part of: its process, as the model names it. */
    static String stageOutsideCase(WorkItem item) {
        return item.process() == null || item.process().isBlank() ? "" : item.process();
    }

    private String schoolName(Map<String, String> known, String urn) {
        return known.computeIfAbsent(urn, u -> directory.school(u).map(School::getName).orElse("School " + u));
    }

    /** The inbox with the same filters and sort on another page. */
    private static String link(String school, String stage, String type, String sort, int page) {
        var uri = UriComponentsBuilder.fromPath("/inbox");
        for (var param : new String[][] {{"school", school}, {"stage", stage}, {"type", type}, {"sort", sort}}) {
            if (!blank(param[1])) {
                uri.queryParam(param[0], param[1]);
            }
        }
        if (page > 1) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    private static int pageNumber(String page) {
        if (blank(page)) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.trim());
            if (number >= 1) {
                return Math.min(number, Integer.MAX_VALUE / PAGE_SIZE);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("The page must be a whole number from 1 upwards, not '" + page + "'",
                List.of(new InvalidInputException.Problem("page", "must be a whole number from 1 upwards")));
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            work.claim(access.currentUser(), id);
        } catch (TaskAlreadyClaimedException e) {
            redirect.addFlashAttribute("problem", "Someone else has already claimed that task");
        }
        return "redirect:" + backToInbox(back);
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, @RequestParam(required = false) String back) {
        work.unclaim(access.currentUser(), id);
        return "redirect:" + backToInbox(back);
    }

    /** The inbox page the button was on (its filters, sort and page); only ever a page of the inbox. */
    static String backToInbox(String back) {
        return back != null && INBOX_LINK.matcher(back).matches() ? back : "/inbox";
    }

    private static final java.util.regex.Pattern INBOX_LINK = java.util.regex.Pattern.compile("/inbox(\\?[A-Za-z0-9_=&%.+-]*)?");

    private static List<Choice> options(Map<String, String> choices, String selected) {
        var list = new java.util.ArrayList<Choice>();
        list.add(new Choice("", "All", blank(selected)));
        choices.forEach((value, label) -> list.add(new Choice(value, label, Objects.equals(value, selected))));
        return list;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
