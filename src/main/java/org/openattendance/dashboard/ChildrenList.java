package org.openattendance.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openattendance.casework.CaseOverview;
import org.openattendance.school.PupilRoll;
import org.openattendance.shared.AcademicYear;
import org.springframework.stereotype.Service;

/**
 * A list of children with what someone watching over them needs at a glance: attendance this year and in the last
 * four school weeks, the absence band, unexplained absences (sessions still coded N this year) and the case. A
 * social worker's caseload and a Virtual School Head's looked-after children. Most concerning first.
 */
@Service
class ChildrenList {

    record Entry(long pupilId, String upn, String name, String schoolName, int yearGroup, Sessions year,
                 Sessions lastFourWeeks, int unexplained, CaseOverview.CaseSummary kase) {

        public BigDecimal yearPercent() {
            return Figures.percent(year.attended(), year.possible());
        }

        public BigDecimal lastFourWeeksPercent() {
            return Figures.percent(lastFourWeeks.attended(), lastFourWeeks.possible());
        }

        public String band() {
            return switch (year.band()) {
                case SEVERE -> "Severely absent";
                case PERSISTENT -> "Persistently absent";
                case NONE -> "Not persistently absent";
            };
        }

        public String bandTag() {
            return switch (year.band()) {
                case SEVERE -> "govuk-tag--red";
                case PERSISTENT -> "govuk-tag--orange";
                case NONE -> "govuk-tag--green";
            };
        }

        /** Falling: the last four weeks below the year so far. */
        public boolean falling() {
            BigDecimal recent = lastFourWeeksPercent();
            BigDecimal overall = yearPercent();
            return recent != null && overall != null && recent.compareTo(overall) < 0;
        }
    }

    static final int RECENT_WEEKS = 4;

    private final FigureStore store;
    private final PupilRoll roll;
    private final CaseOverview cases;
    private final Scopes scopes;
    private final Summaries summaries;

    ChildrenList(FigureStore store, PupilRoll roll, CaseOverview cases, Scopes scopes, Summaries summaries) {
        this.store = store;
        this.roll = roll;
        this.cases = cases;
        this.scopes = scopes;
        this.summaries = summaries;
    }

    /** A pupil's year to date and last four school weeks, before names and cases are looked up. */
    record Recent(long pupilId, String schoolUrn, Sessions year, Sessions lastFourWeeks) {
        public BigDecimal yearPercent() {
            return Figures.percent(year.attended(), year.possible());
        }

        public BigDecimal lastFourWeeksPercent() {
            return Figures.percent(lastFourWeeks.attended(), lastFourWeeks.possible());
        }
    }

    List<Entry> of(Scope scope) {
        return entries(recent(scope));
    }

    /**
     * Every pupil of the scope with this year's figures and the last four school weeks', as of their school's latest
     * week: one pre-computed row per pupil. A pupil of a caseload with no figures yet is listed with none.
     */
    List<Recent> recent(Scope scope) {
        AcademicYear year = AcademicYear.containing(summaries.today());
        int cohorts = scope.cohort() == null ? 0 : CohortFlags.bit(scope.cohort());
        var found = new java.util.LinkedHashMap<Long, Recent>();
        if (!scope.schoolUrns().isEmpty() && (scope.pupilIds() == null || !scope.pupilIds().isEmpty())) {
            for (var pupil : store.recent(scope.schoolUrns(), year.toString(), scope.pupilIds(), null, cohorts)) {
                found.put(pupil.pupilId(), new Recent(pupil.pupilId(), pupil.schoolUrn(), pupil.yearToDate(),
                        pupil.lastFourWeeks()));
            }
        }
        if (scope.pupilIds() == null) {
            return new ArrayList<>(found.values());
        }
        var recent = new ArrayList<Recent>();
        for (long id : scope.pupilIds()) {
            recent.add(found.getOrDefault(id, new Recent(id, null, Sessions.NONE, Sessions.NONE)));
        }
        return recent;
    }

    /** The chosen pupils with their names, schools, unexplained absences and cases, most concerning first. */
    List<Entry> entries(List<Recent> chosen) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        LocalDate today = summaries.today();
        AcademicYear year = AcademicYear.containing(today);
        List<Long> ids = chosen.stream().map(Recent::pupilId).toList();
        Map<Long, PupilRoll.PupilName> names = roll.namesOf(ids).stream()
                .collect(Collectors.toMap(PupilRoll.PupilName::pupilId, n -> n));
        Map<Long, String> schools = roll.profilesOf(ids).stream()
                .collect(Collectors.toMap(PupilRoll.Profile::pupilId, PupilRoll.Profile::schoolUrn));
        Map<Long, CaseOverview.CaseSummary> caseByPupil = cases.casesOf(ids, year.toString());
        Map<Long, Integer> unexplained = store.unexplainedByPupil(ids, year.firstDay(), today);
        var entries = new ArrayList<Entry>();
        for (Recent pupil : chosen) {
            PupilRoll.PupilName name = names.get(pupil.pupilId());
            if (name == null) {
                continue;
            }
            entries.add(new Entry(pupil.pupilId(), name.upn(), name.forename() + " " + name.surname(),
                    scopes.schoolName(schools.get(pupil.pupilId())), name.yearGroup(), pupil.year(),
                    pupil.lastFourWeeks(), unexplained.getOrDefault(pupil.pupilId(), 0), caseByPupil.get(pupil.pupilId())));
        }
        entries.sort(Comparator.comparing((Entry e) -> -e.year().band().ordinal())
                .thenComparing(e -> e.yearPercent() == null ? BigDecimal.valueOf(101) : e.yearPercent())
                .thenComparing(Entry::name));
        return entries;
    }
}
