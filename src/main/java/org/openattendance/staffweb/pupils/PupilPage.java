package org.openattendance.staffweb.pupils;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.openattendance.casework.CaseStore;
import org.openattendance.casework.CaseTimelineText;
import org.openattendance.casework.CaseWork;
import org.openattendance.casework.Stage;
import org.openattendance.leave.LeaveRequests;
import org.openattendance.legal.LegalRecords;
import org.openattendance.notification.Letters;
import org.openattendance.register.AttendanceCode;
import org.openattendance.register.AttendanceCodes;
import org.openattendance.register.RegisterQueries;
import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.StaffNames;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.web.Choice;
import org.openattendance.staffweb.shell.Labels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A pupil's record for one academic year (the current one unless {@code ?year=2025-26}): the pupil at a glance,
 * the register as a calendar, attendance over time, totals by code, amendments, the case ladder and timeline,
 * letters, leave requests and the legal stages (legal's own section). Outside the caller's scope the pupil does not exist (404); every view is audited.
 */
@Controller
class PupilPage {

    /** One code's count in the year. */
    record CodeTotal(String code, String meaning, String category, RegisterCalendar.Kind kind, int sessions) {
    }

    /** One change to a mark. */
    record AmendmentRow(LocalDate date, String day, String session, String from, String to, String reason, String who,
                        String when) {
    }

    /**
     * One rung of the case ladder: CURRENT, OPEN (entered earlier, work still open), PASSED (entered and done with),
     * SKIPPED (the case went past it without entering it) or NOT_REACHED.
     */
    record Rung(String stage, String status, String statusText, String tagClass) {
    }

    /** An open task of the case that the signed-in user may work. */
    record TaskRow(String id, String name, String due, String assignee) {
    }

    /** A letter with when it was issued. */
    record LetterRow(String id, String subject, String template, String issued, List<String> recipients) {
    }

    private final SchoolDirectory directory;
    private final SchoolCalendars calendars;
    private final RegisterQueries register;
    private final AttendanceCodes codes;
    private final CaseWork work;
    private final Letters letters;
    private final LeaveRequests leave;
    private final PupilGlance glances;
    private final AuditTrail audit;
    private final AccessPolicy access;
    private final Clock clock;

    private final CaseTimelineText timelineText;
    private final LegalRecords legal;
    private final StaffNames names;

    PupilPage(SchoolDirectory directory, SchoolCalendars calendars, RegisterQueries register, AttendanceCodes codes,
              CaseWork work, Letters letters, LeaveRequests leave, PupilGlance glances, AuditTrail audit,
              AccessPolicy access, Clock clock, CaseTimelineText timelineText, LegalRecords legal, StaffNames names) {
        this.names = names;
        this.legal = legal;
        this.timelineText = timelineText;
        this.access = access;
        this.leave = leave;
        this.directory = directory;
        this.calendars = calendars;
        this.register = register;
        this.codes = codes;
        this.work = work;
        this.letters = letters;
        this.glances = glances;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/pupils/{upn}")
    String show(@PathVariable String upn, @RequestParam(required = false) String year, Model model) {
        Pupil pupil = directory.visiblePupil(upn);
        LocalDate today = LocalDate.now(clock);
        AcademicYear current = AcademicYear.containing(today);
        AcademicYear shown = year(year, current);
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", pupil.getUpn(), "pupil page " + shown);

        model.addAttribute("glance", glances.of(pupil, shown));
        model.addAttribute("year", shown.toString());
        model.addAttribute("currentYear", shown.equals(current));
        model.addAttribute("years", years(pupil, current, shown));

        List<RegisterQueries.Mark> marks = register.marksOf(pupil.getId(), shown.firstDay(), shown.lastDay());
        RegisterCalendar calendar = RegisterCalendar.of(shown, calendars.forYears(pupil.getSchoolUrn(), List.of(shown)),
                marks, codes::find, pupil.getAdmissionDate(), pupil.getDeletionDate(), today);
        model.addAttribute("weeks", calendar.weeks());
        model.addAttribute("kinds", RegisterCalendar.Kind.values());
        model.addAttribute("chart", AttendanceChart.of(calendar.weeks()));
        model.addAttribute("totals", totals(marks));
        model.addAttribute("amendments", amendments(marks));

        var kase = work.caseOf(pupil.getId(), shown.toString()).orElse(null);
        model.addAttribute("kase", kase);
        if (kase != null) {
            var timeline = work.timeline(kase);
            model.addAttribute("stage", Labels.stage(kase.stage()));
            model.addAttribute("priority", Labels.constant(kase.priority()));
            model.addAttribute("ladder", ladder(kase, work.stagesReached(kase), work.stagesOpen(kase)));
            model.addAttribute("tasks", work.workableFor(access.currentUser(), pupil.getUpn()).stream()
                    .filter(t -> t.kase() != null && t.kase().id().equals(kase.id()))
                    .map(t -> new TaskRow(t.id(), t.name(), t.due() == null ? "No due date"
                            : Labels.DAY.format(t.due().atZone(clock.getZone())), t.assignee()))
                    .toList());
            model.addAttribute("timeline", timelineText.of(timeline));
            model.addAttribute("technicalLink", access.currentUser().isAdmin()
                    ? "/pupils/" + pupil.getUpn() + "/case-events?year=" + shown : null);
        }
        model.addAttribute("letters", letters.ofPupil(pupil.getId()).stream()
                .map(l -> new LetterRow(l.id().toString(), l.subject(), Labels.sentence(l.templateKey().replace('-', '_')),
                        Labels.WHEN.format(l.createdAt().atZone(clock.getZone())), l.recipients()))
                .toList());
        model.addAttribute("leaveRequests", leave.summariesOf(upn));
        model.addAttribute("legal", legal.sectionFor(pupil));
        model.addAttribute("canEnterLeave", access.canChangeSchoolRecords(access.currentUser(), pupil.getSchoolUrn()));
        return "pupils/pupil";
    }

    private static AcademicYear year(String text, AcademicYear current) {
        if (text == null || text.isBlank()) {
            return current;
        }
        try {
            return AcademicYear.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** The years with a school calendar up to now, the shown one always among them, newest first. */
    private List<Choice> years(Pupil pupil, AcademicYear current, AcademicYear shown) {
        var years = new TreeSet<AcademicYear>(Comparator.reverseOrder());
        calendars.yearsWithCalendar(pupil.getSchoolUrn()).stream().filter(y -> y.compareTo(current) <= 0).forEach(years::add);
        years.add(current);
        years.add(shown);
        return years.stream().map(y -> new Choice(y.toString(), y.toString(), y.equals(shown))).toList();
    }

    private List<CodeTotal> totals(List<RegisterQueries.Mark> marks) {
        var counts = new TreeMap<String, Integer>();
        marks.forEach(m -> counts.merge(m.code(), 1, Integer::sum));
        var totals = new ArrayList<CodeTotal>();
        counts.forEach((code, sessions) -> {
            var known = codes.find(code);
            totals.add(new CodeTotal(code, known.map(AttendanceCode::meaning).orElse("Unknown code"),
                    known.map(c -> Labels.sentence(c.category())).orElse(""),
                    known.map(c -> RegisterCalendar.Kind.of(c.category())).orElse(RegisterCalendar.Kind.NOT_COUNTED), sessions));
        });
        totals.sort(Comparator.comparingInt(CodeTotal::sessions).reversed().thenComparing(CodeTotal::code));
        return totals;
    }

    /** Every change to a mark in the year, newest first. */
    private List<AmendmentRow> amendments(List<RegisterQueries.Mark> marks) {
        return marks.stream()
                .flatMap(mark -> mark.amendments().stream().map(a -> Map.entry(mark, a)))
                .sorted(Comparator.comparing((Map.Entry<RegisterQueries.Mark, RegisterQueries.Amendment> e) ->
                        e.getValue().amendedAt()).reversed())
                .map(e -> {
                    var mark = e.getKey();
                    var a = e.getValue();
                    return new AmendmentRow(mark.date(), Labels.DAY.format(mark.date()), mark.session().name(),
                            a.originalCode(), a.newCode(), a.reason(),
                            names.of(a.amendedBy()) + (a.amendedRole() == null ? "" : " (" + Labels.sentence(a.amendedRole()) + ")"),
                            Labels.WHEN.format(a.amendedAt().atZone(clock.getZone())));
                })
                .toList();
    }

    /**
     * The ladder in the order of {@link Stage}; CLOSED is shown as the case's status, not as a rung. "Passed" only for
     * a stage the case entered (its stage history), "Still open" for one whose work is not finished.
     */
    static List<Rung> ladder(CaseStore.CaseRecord kase, Set<Stage> entered, Set<Stage> open) {
        var rungs = new ArrayList<Rung>();
        Stage current = kase.stage();
        int currentIndex = current == Stage.CLOSED ? Stage.values().length : current.ordinal();
        for (Stage stage : Stage.values()) {
            if (stage == Stage.CLOSED) {
                continue;
            }
            if (stage == current) {
                rungs.add(new Rung(Labels.stage(stage), "CURRENT", "Current stage", "govuk-tag--blue"));
            } else if (open.contains(stage)) {
                rungs.add(new Rung(Labels.stage(stage), "OPEN", "Still open", "govuk-tag--yellow"));
            } else if (entered.contains(stage)) {
                rungs.add(new Rung(Labels.stage(stage), "PASSED", "Passed", "govuk-tag--green"));
            } else if (stage.ordinal() < currentIndex) {
                rungs.add(new Rung(Labels.stage(stage), "SKIPPED", "Not used", "govuk-tag--grey"));
            } else {
                rungs.add(new Rung(Labels.stage(stage), "NOT_REACHED", "Not reached", "govuk-tag--grey"));
            }
        }
        return rungs;
    }
}
