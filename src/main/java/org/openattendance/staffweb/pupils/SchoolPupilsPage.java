package org.openattendance.staffweb.pupils;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.openattendance.attendance.AttendanceSnapshot;
import org.openattendance.attendance.AttendanceSnapshots;
import org.openattendance.attendance.calculator.AttendanceBand;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.staffweb.shell.Labels;
import org.openattendance.shared.web.Choice;
import org.openattendance.shared.web.Pagination;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The schools in the user's scope, and a school's pupils with this year's attendance from the snapshots: filtered
 * by absence band (a GET form: the filters carry no pupil data), sorted by name or attendance, 50 to a page.
 */
@Controller
class SchoolPupilsPage {

    static final int PAGE_SIZE = 50;

    /** One pupil as the list shows it; {@code percent} is null until the snapshot is calculated. */
    record Row(String upn, String name, int yearGroup, BigDecimal percent, String band, String bandClass,
               int possible, boolean penaltyMet, int unexplainedDays) {
        public String year() {
            return Labels.yearGroup(yearGroup);
        }
    }

    /** A school in the list of schools. */
    record SchoolItem(String urn, String name, String phase) {
    }

    /** The band filter's choices; PERSISTENT includes SEVERE, as a severely absent pupil is also persistently absent. */
    enum BandFilter {
        ALL("All pupils", s -> true),
        PERSISTENT("Persistently absent (10% or more)", s -> s != null && s.band().isPersistentAbsence()),
        SEVERE("Severely absent (50% or more)", s -> s != null && s.band().isSevereAbsence()),
        NONE("Not persistently absent", s -> s == null || s.band() == AttendanceBand.NONE);

        private final String label;
        private final Predicate<AttendanceSnapshot> test;

        BandFilter(String label, Predicate<AttendanceSnapshot> test) {
            this.label = label;
            this.test = test;
        }
    }

    private final SchoolDirectory directory;
    private final PupilRoll roll;
    private final AttendanceSnapshots snapshots;
    private final AuditTrail audit;
    private final Clock clock;

    SchoolPupilsPage(SchoolDirectory directory, PupilRoll roll, AttendanceSnapshots snapshots, AuditTrail audit, Clock clock) {
        this.directory = directory;
        this.roll = roll;
        this.snapshots = snapshots;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/schools")
    String schools(Model model) {
        model.addAttribute("schools", directory.visibleSchools().stream()
                .map(s -> new SchoolItem(s.getUrn(), s.getName(), Labels.phase(s.getPhase()))).toList());
        return "pupils/schools";
    }

    @GetMapping("/schools/{urn}/pupils")
    String pupils(@PathVariable String urn, @RequestParam(required = false) String band,
                  @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
                  @RequestParam(name = "yearGroup", required = false) String yearGroupText, Model model) {
        School school = directory.visibleSchool(urn);
        BandFilter filter = bandFilter(band);
        String order = "attendance".equals(sort) || "attendance-desc".equals(sort) ? sort : "name";
        int pageNumber = Pagination.pageNumber(page);
        Integer yearGroup = yearGroup(yearGroupText);
        AcademicYear year = AcademicYear.containing(LocalDate.now(clock));

        List<PupilRoll.PupilName> pupils = roll.namesAt(school.getUrn());
        Map<Long, AttendanceSnapshot> figures = snapshots.forPupils(pupils.stream().map(PupilRoll.PupilName::pupilId).toList(), year);
        var rows = new ArrayList<Row>();
        for (PupilRoll.PupilName p : pupils) {
            AttendanceSnapshot s = figures.get(p.pupilId());
            if (filter.test.test(s) && (yearGroup == null || yearGroup == p.yearGroup())) {
                rows.add(new Row(p.upn(), p.surname() + ", " + p.forename(), p.yearGroup(),
                        s == null ? null : s.attendancePercent(), s == null ? "Not calculated" : Labels.constant(s.band()),
                        s == null ? "govuk-tag--grey" : PupilGlance.bandClass(s.band()), s == null ? 0 : s.possible(),
                        s != null && s.penaltyMet(), s == null ? 0 : s.unexplainedStreakDays()));
            }
        }
        Comparator<Row> byPercent = Comparator.comparing(Row::percent, Comparator.nullsLast(Comparator.naturalOrder()));
        if ("attendance".equals(order)) {
            rows.sort(byPercent.thenComparing(Row::name));
        } else if ("attendance-desc".equals(order)) {
            rows.sort(Comparator.comparing(Row::percent, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                    .thenComparing(Row::name));
        }
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (pageNumber > pages) {
            pageNumber = pages;
        }
        audit.record(AuditTrail.Action.READ_PUPIL, "school", school.getUrn(), "pupil list page " + pageNumber
                + (filter == BandFilter.ALL ? "" : " band " + filter));

        model.addAttribute("school", school);
        model.addAttribute("year", year.toString());
        model.addAttribute("rows", rows.subList((pageNumber - 1) * PAGE_SIZE, Math.min(rows.size(), pageNumber * PAGE_SIZE)));
        model.addAttribute("total", rows.size());
        model.addAttribute("onRoll", pupils.size());
        model.addAttribute("bandOptions", Arrays.stream(BandFilter.values())
                .map(f -> new Choice(f.name().toLowerCase(Locale.ROOT), f.label, f == filter)).toList());
        model.addAttribute("sortOptions", List.of(new Choice("name", "Name", "name".equals(order)),
                new Choice("attendance", "Attendance, lowest first", "attendance".equals(order)),
                new Choice("attendance-desc", "Attendance, highest first", "attendance-desc".equals(order))));
        model.addAttribute("filtering", filter != BandFilter.ALL || yearGroup != null);
        var yearOptions = new ArrayList<Choice>();
        yearOptions.add(new Choice("", "All years", yearGroup == null));
        pupils.stream().map(PupilRoll.PupilName::yearGroup).distinct().sorted().forEach(y ->
                yearOptions.add(new Choice(String.valueOf(y), Labels.yearGroup(y), Integer.valueOf(y).equals(yearGroup))));
        model.addAttribute("yearOptions", yearOptions);
        model.addAttribute("persistentCount", figures.values().stream().filter(f -> f.band().isPersistentAbsence()).count());
        model.addAttribute("severeCount", figures.values().stream().filter(f -> f.band().isSevereAbsence()).count());
        model.addAttribute("page", pageNumber);
        model.addAttribute("pages", pages);
        String base = "/schools/" + school.getUrn() + "/pupils?band=" + filter.name().toLowerCase(Locale.ROOT)
                + "&sort=" + order + (yearGroup == null ? "" : "&yearGroup=" + yearGroup) + "&page=";
        model.addAttribute("pagination", Pagination.of(pageNumber, pages, number -> base + number));
        return "pupils/school-pupils";
    }

    private static BandFilter bandFilter(String band) {
        if (band == null || band.isBlank()) {
            return BandFilter.ALL;
        }
        for (BandFilter f : BandFilter.values()) {
            if (f.name().equalsIgnoreCase(band.trim())) {
                return f;
            }
        }
        throw new InvalidInputException("band must be one of all, persistent, severe, none, not '" + band + "'");
    }

    private static Integer yearGroup(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(text.trim());
            if (year >= 0 && year <= 14) {
                return year;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new InvalidInputException("yearGroup must be a year group from 0 (reception) to 14, not '" + text + "'");
    }
}
