package org.openattendance.dashboard;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The termly targeting meeting pack of one school (RULES.md section 10: the LA holds a targeting conversation with
 * every school each term about its persistently and severely absent pupils): the school's figures beside the LA's,
 * its severely absent pupils first, then the persistently absent, then those at risk, each with the case stage, the
 * last action and the actions agreed so far.
 */
@Service
class TargetingPack {

    record Pack(String schoolUrn, String schoolName, String laName, String term, LocalDate prepared, Figures school,
                Figures la, List<ChildrenList.Entry> severe, List<ChildrenList.Entry> persistent,
                List<ChildrenList.Entry> atRisk) {
    }

    /** One school's line on the LA's list of packs. */
    record SchoolLine(String urn, String name, int severe, int persistent, int atRisk, Figures figures) {
    }

    private final Scopes scopes;
    private final Summaries summaries;
    private final ChildrenList children;
    private final FigureStore store;

    TargetingPack(Scopes scopes, Summaries summaries, ChildrenList children, FigureStore store) {
        this.store = store;
        this.scopes = scopes;
        this.summaries = summaries;
        this.children = children;
    }

    Pack of(Scope school) {
        LocalDate today = summaries.today();
        Period ytd = Period.yearToDate(today);
        var recent = children.recent(school);
        var severe = new ArrayList<ChildrenList.Recent>();
        var persistent = new ArrayList<ChildrenList.Recent>();
        var atRisk = new ArrayList<ChildrenList.Recent>();
        for (var pupil : recent) {
            switch (pupil.year().band()) {
                case SEVERE -> severe.add(pupil);
                case PERSISTENT -> persistent.add(pupil);
                case NONE -> {
                    if (atRisk(pupil)) {
                        atRisk.add(pupil);
                    }
                }
            }
        }
        Scope la = scopes.laOf(school.key());
        return new Pack(school.key(), school.label(), la.label(), term(today), today,
                summaries.figures(school, ytd, Filter.NONE), summaries.figures(la, ytd, Filter.NONE),
                children.entries(severe), children.entries(persistent), children.entries(atRisk));
    }

    /** Each school of the LA with the sizes of its lists and its figures, from the schools' rollups. */
    List<SchoolLine> schools(Scope la) {
        var lines = new ArrayList<SchoolLine>();
        Period ytd = Period.yearToDate(summaries.today());
        var bySchool = summaries.breakdown(la, ytd, Filter.NONE, Summaries.Split.SCHOOL);
        var atRisk = new java.util.HashMap<String, Integer>();
        store.schoolYears(la.schoolUrns(), ytd.year().toString()).forEach(y -> atRisk.put(y.schoolUrn(), y.atRisk()));
        for (String urn : la.schoolUrns()) {
            Figures figures = bySchool.getOrDefault(urn, Figures.NONE);
            lines.add(new SchoolLine(urn, scopes.schoolName(urn), figures.tally().severe(), figures.tally().persistent(),
                    atRisk.getOrDefault(urn, 0), figures));
        }
        lines.sort(java.util.Comparator.comparing(SchoolLine::name));
        return lines;
    }

    static boolean atRisk(ChildrenList.Recent pupil) {
        return AtRisk.of(pupil.year(), pupil.lastFourWeeks());
    }

    /** 'Autumn term 2026', 'Spring term 2027', 'Summer term 2027'. */
    static String term(LocalDate date) {
        Month month = date.getMonth();
        String name = month.getValue() >= 9 ? "Autumn" : month.getValue() <= 3 ? "Spring"
                : month == Month.APRIL && date.getDayOfMonth() < 15 ? "Spring" : "Summer";
        return name + " term " + date.getYear();
    }
}
