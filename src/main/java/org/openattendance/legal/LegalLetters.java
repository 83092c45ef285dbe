package org.openattendance.legal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.openattendance.notification.LetterRequested;
import org.openattendance.school.SchoolAdministration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks the notification module for the legal letters (event {@link LetterRequested}): the Notice to Improve to the
 * parents it names, a penalty notice to its one parent, the withdrawal of a notice. Each has its own step key, so a
 * letter is never sent twice; the HTML, PDF, e-mail or printing list are notification's.
 */
@Component
class LegalLetters {

    static final String NOTICE_TO_IMPROVE = "notice-to-improve";
    static final String PENALTY_NOTICE = "penalty-notice";
    static final String WITHDRAWN = "penalty-notice-withdrawn";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ApplicationEventPublisher events;
    private final CaseTimeline timeline;
    private final SchoolAdministration schools;

    LegalLetters(ApplicationEventPublisher events, CaseTimeline timeline, SchoolAdministration schools) {
        this.events = events;
        this.timeline = timeline;
        this.schools = schools;
    }

    void noticeToImprove(NoticeToImprove notice, String issuerName, String sessions, String contactName,
                         String contactPhone) {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("issuedBy", issuerName);
        fields.put("attendanceRecord", notice.attendanceRecord());
        fields.put("qualifyingSessions", sessions);
        fields.put("supportGiven", notice.supportGiven());
        fields.put("supportAvailable", notice.supportAvailable());
        fields.put("improvementStart", notice.period().start().toString());
        fields.put("improvementEnd", notice.period().end().toString());
        fields.put("periodWeeks", String.valueOf(notice.period().schoolWeeks()));
        fields.put("sufficientImprovement", notice.sufficientImprovement().meaning());
        put(fields, "contactName", contactName);
        put(fields, "contactPhone", contactPhone);
        request("notice-to-improve-" + notice.id(), NOTICE_TO_IMPROVE, notice.caseId(), notice.pupilId(), notice.upn(),
                notice.schoolUrn(), notice.laCode(), fields, notice.recipients());
    }

    void penaltyNotice(PenaltyNotice notice) {
        var terms = notice.terms();
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("noticeNumber", notice.number());
        fields.put("laName", laName(notice.laCode()));
        fields.put("issuedOn", notice.issuedOn().toString());
        fields.put("parentName", notice.parent().name());
        fields.put("parentDateOfBirth", notice.parent().dateOfBirth().toString());
        fields.put("offence", "failing to secure the regular attendance at school of a registered pupil (Education Act "
                + "1996, section 444)");
        fields.put("periodFrom", notice.sessions().get(0).date().toString());
        fields.put("periodTo", notice.sessions().get(notice.sessions().size() - 1).date().toString());
        fields.put("sessionCount", String.valueOf(notice.sessions().size()));
        fields.put("sessions", sessions(notice.sessions()));
        fields.put("occasion", terms.occasion() == 1 ? "first" : "second");
        if (terms.hasReduction()) {
            fields.put("reducedAmount", Money.print(terms.reducedAmount()));
            fields.put("reducedWithinDays", String.valueOf(terms.reducedWithinDays()));
        }
        fields.put("fullAmount", Money.print(terms.fullAmount()));
        fields.put("fullWithinDays", String.valueOf(terms.fullWithinDays()));
        request("penalty-notice-" + notice.number(), PENALTY_NOTICE, notice.caseId(), notice.pupilId(), notice.upn(),
                notice.schoolUrn(), notice.laCode(), fields, List.of(notice.parent()));
    }

    void withdrawn(PenaltyNotice notice) {
        var withdrawal = notice.withdrawal();
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("noticeNumber", notice.number());
        fields.put("laName", laName(notice.laCode()));
        fields.put("issuedOn", notice.issuedOn().toString());
        fields.put("ground", withdrawal.ground().label());
        fields.put("reason", withdrawal.reason());
        request("penalty-notice-withdrawn-" + notice.number(), WITHDRAWN, notice.caseId(), notice.pupilId(), notice.upn(),
                notice.schoolUrn(), notice.laCode(), fields, List.of(notice.parent()));
    }

    /** "12 sessions: 4 January 2027 morning (G), ..." as a letter lists them. */
    static String sessions(List<NoticeSession> sessions) {
        var text = new StringBuilder();
        for (NoticeSession s : sessions) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(DAY.format(s.date())).append(s.session() == org.openattendance.shared.Session.AM ? " morning" : " afternoon")
                    .append(" (").append(s.code()).append(')');
        }
        return text.toString();
    }

    private String laName(String laCode) {
        return schools.localAuthorityName(laCode).orElse("the local authority");
    }

    private void request(String stepKey, String template, UUID caseId, long pupilId, String upn, String schoolUrn,
                         String laCode, Map<String, String> fields, List<NoticeParent> to) {
        var addressees = to.stream().map(p -> new LetterRequested.Addressee(p.name(), p.email(), p.address())).toList();
        events.publishEvent(new LetterRequested(stepKey, template, caseId, pupilId, upn, schoolUrn, laCode, fields,
                addressees, LegalEngine.now().toInstant()));
        timeline.letter(caseId, "Letter requested: " + template, "step " + stepKey + "; to "
                + String.join(" and ", to.stream().map(NoticeParent::name).toList()));
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value);
        }
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }
}
