package org.openattendance.legal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openattendance.shared.InvalidInputException.Problem;

/**
 * What a request for a penalty notice must have before the school can send it, each missing item named (RULES.md
 * sections 3 and 4 and the checks LAs' codes of conduct set): at least 10 qualifying sessions within 10 school
 * weeks, no session still coded N, a Notice to Improve whose period ended without sufficient improvement (not
 * needed for a term-time holiday, which needs G sessions instead), letters and meetings or support on record, and
 * each parent's name, address and date of birth. Plain Java: facts in, problems out.
 */
final class EvidenceCheck {

    static final int THRESHOLD_SESSIONS = 10;
    static final int WINDOW_SCHOOL_WEEKS = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private EvidenceCheck() {
    }

    static List<Problem> problems(RequestForm form, RequestEvidence evidence, LocalDate today) {
        var problems = new ArrayList<Problem>();
        if (form.route() == null) {
            problems.add(new Problem("route", "is required: after a Notice to Improve, or a term-time holiday"));
        }
        if (!checkPeriod(form, today, problems)) {
            return problems;
        }
        if (evidence.schoolWeeks() > WINDOW_SCHOOL_WEEKS) {
            problems.add(new Problem("periodTo", "the qualifying period spans " + evidence.schoolWeeks()
                    + " school weeks; the threshold counts sessions within " + WINDOW_SCHOOL_WEEKS + " school weeks"));
        }
        if (evidence.qualifyingSessions().size() < THRESHOLD_SESSIONS) {
            problems.add(new Problem("sessions", "only " + evidence.qualifyingSessions().size() + " sessions in the "
                    + "period count toward the penalty threshold and are not already on a notice; at least "
                    + THRESHOLD_SESSIONS + " are needed"));
        }
        if (!evidence.unexplainedSessions().isEmpty()) {
            problems.add(new Problem("unexplainedSessions", "sessions still coded N (no reason recorded): "
                    + evidence.unexplainedSessions().stream().map(EvidenceCheck::describe).collect(Collectors.joining(", "))
                    + "; record the reason for each before asking for a notice"));
        }
        if (form.route() == RequestRoute.NOT_IMPROVED_AFTER_NOTICE) {
            checkNoticeToImprove(evidence.noticeToImprove(), problems);
            if (evidence.of(EvidenceKind.LETTER).isEmpty()) {
                problems.add(new Problem("letters", "no letter to the parents is on the case's record"));
            }
            if (evidence.of(EvidenceKind.MEETING).isEmpty() && evidence.of(EvidenceKind.SUPPORT).isEmpty()) {
                problems.add(new Problem("meetingsAndSupport", "no meeting with the parents and no support offered is "
                        + "on the case's record"));
            }
        } else if (form.route() == RequestRoute.TERM_TIME_HOLIDAY && !evidence.hasHolidaySessions()) {
            problems.add(new Problem("holidaySessions", "no session in the period is coded G (holiday not "
                    + "authorised); a term-time holiday request needs them"));
        }
        checkParents(form.parents(), today, problems);
        if (form.schoolStatement() == null || form.schoolStatement().isBlank()) {
            problems.add(new Problem("schoolStatement", "is required: the school's account of the absence and what it did"));
        } else if (form.schoolStatement().length() > 8000) {
            problems.add(new Problem("schoolStatement", "is longer than 8000 characters"));
        }
        return problems;
    }

    private static boolean checkPeriod(RequestForm form, LocalDate today, List<Problem> problems) {
        if (form.periodFrom() == null) {
            problems.add(new Problem("periodFrom", "is required: the first day of the qualifying period"));
        }
        if (form.periodTo() == null) {
            problems.add(new Problem("periodTo", "is required: the last day of the qualifying period"));
        }
        if (form.periodFrom() == null || form.periodTo() == null) {
            return false;
        }
        if (form.periodTo().isBefore(form.periodFrom())) {
            problems.add(new Problem("periodTo", "is before the first day of the period"));
            return false;
        }
        if (form.periodTo().isAfter(today)) {
            problems.add(new Problem("periodTo", "is in the future"));
            return false;
        }
        return true;
    }

    private static void checkNoticeToImprove(NoticeToImprove notice, List<Problem> problems) {
        if (notice == null) {
            problems.add(new Problem("noticeToImprove", "no Notice to Improve has been issued: issue one first "
                    + "(it is not needed for a term-time holiday)"));
        } else if (notice.status() == NoticeToImproveStatus.OPEN) {
            problems.add(new Problem("noticeToImprove", "the Notice to Improve's improvement period runs until "
                    + DAY.format(notice.period().end()) + ": wait for its outcome"));
        } else if (notice.status() == NoticeToImproveStatus.IMPROVED) {
            problems.add(new Problem("noticeToImprove", "attendance improved enough during the Notice to Improve's "
                    + "period, so no penalty notice can follow it"));
        } else if (notice.decision() != null && notice.decision().step() == NextStep.NO_REQUEST) {
            problems.add(new Problem("noticeToImprove", "after the Notice to Improve the school decided not to ask "
                    + "for a penalty notice"));
        }
    }

    private static void checkParents(List<RequestForm.ParentLine> parents, LocalDate today, List<Problem> problems) {
        if (parents.isEmpty()) {
            problems.add(new Problem("parents", "name at least one parent the notice is for"));
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < parents.size(); i++) {
            var line = parents.get(i);
            String at = "parents[" + i + "]";
            if (line == null) {
                problems.add(new Problem(at, "is empty"));
                continue;
            }
            String who = line.name() == null || line.name().isBlank() ? "parent " + (i + 1) : line.name().strip();
            if (line.name() == null || line.name().isBlank()) {
                problems.add(new Problem(at + ".name", "name of parent " + (i + 1) + " is missing"));
            } else if (line.name().length() > 200) {
                problems.add(new Problem(at + ".name", "name of " + who + " is longer than 200 characters"));
            }
            if (line.address() == null || line.address().isBlank()) {
                problems.add(new Problem(at + ".address", "address of " + who + " is missing"));
            } else if (line.address().length() > 500) {
                problems.add(new Problem(at + ".address", "address of " + who + " is longer than 500 characters"));
            }
            if (line.dateOfBirth() == null) {
                problems.add(new Problem(at + ".dateOfBirth", "date of birth of " + who + " is missing"));
            } else if (line.dateOfBirth().isAfter(today.minusYears(12)) || line.dateOfBirth().isBefore(today.minusYears(120))) {
                problems.add(new Problem(at + ".dateOfBirth", "date of birth of " + who + " ("
                        + line.dateOfBirth() + ") is not a plausible date of birth for a parent"));
            }
            if (line.name() != null && line.dateOfBirth() != null && !seen.add(line.toParent().key())) {
                problems.add(new Problem(at, who + " is listed twice"));
            }
        }
    }

    private static String describe(NoticeSession session) {
        return DAY.format(session.date()) + " " + (session.session() == org.openattendance.shared.Session.AM ? "morning" : "afternoon");
    }
}
