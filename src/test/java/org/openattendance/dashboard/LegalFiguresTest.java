package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.legal.CourtOutcome;
import org.openattendance.legal.LegalFigures;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The penalty notice and prosecution figures of the casework dashboard, from the legal module's records: paid within
 * 21 days of receipt, within 28, still within the period, unpaid, withdrawn, prosecuted; requests by decision;
 * prosecutions by where they stand and their outcomes; another school's records left out.
 */
@IntegrationTest
class LegalFiguresTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LegalFigures legal;

    Fixtures.TestSchool school;
    Fixtures.TestSchool other;
    LocalDate since;
    long pupil;
    long otherPupil;

    @BeforeEach
    void records() {
        school = fixtures.school(fixtures.newLaCode());
        other = fixtures.school(school.laCode());
        since = LocalDate.of(2026, 9, 1);
        pupil = pupilId(fixtures.pupils(school, 1).get(0));
        otherPupil = pupilId(fixtures.pupils(other, 1).get(0));
        UUID approved = request(school, pupil, "APPROVED");
        request(school, pupil, "SUBMITTED");
        request(school, pupil, "REFUSED");
        UUID elsewhere = request(other, otherPupil, "APPROVED");
        LocalDate received = LocalDate.of(2026, 10, 5);
        notice(approved, school, pupil, "PAID", received, received.plusDays(21));   // the 21st day: within 21
        notice(approved, school, pupil, "PAID", received, received.plusDays(22));   // the 22nd: within 28
        notice(approved, school, pupil, "ISSUED", received, null);
        notice(approved, school, pupil, "UNPAID", received, null);
        notice(approved, school, pupil, "WITHDRAWN", received, null);
        notice(approved, school, pupil, "PROSECUTED", received, null);
        notice(elsewhere, other, otherPupil, "PAID", received, received.plusDays(3));
        prosecution(school, pupil, "CONCLUDED", "FINE");
        prosecution(school, pupil, "PREPARING", null);
        prosecution(other, otherPupil, "AT_COURT", null);
    }

    @Test
    void theSchoolsNoticesAndProsecutionsByWhatBecameOfThem() {
        var figures = legal.figures(List.of(school.urn()), null, since);

        assertThat(figures.requests()).isEqualTo(new LegalFigures.Requests(3, 1, 1, 1));
        assertThat(figures.notices()).isEqualTo(new LegalFigures.Notices(6, 1, 1, 0, 1, 1, 1, 1));
        assertThat(figures.prosecutions()).isEqualTo(new LegalFigures.Prosecutions(2, 1, 0, 0, 1,
                Map.of(CourtOutcome.FINE, 1)));
    }

    @Test
    void theLaCountsBothSchoolsAndAPupilListOnlyItsPupils() {
        var la = legal.figures(List.of(school.urn(), other.urn()), null, since);
        assertThat(la.notices().issued()).isEqualTo(7);
        assertThat(la.notices().paidWithin21Days()).isEqualTo(2);
        assertThat(la.prosecutions().atCourt()).isEqualTo(1);

        var onePupil = legal.figures(List.of(school.urn(), other.urn()), List.of(otherPupil), since);
        assertThat(onePupil.notices().issued()).isEqualTo(1);
        assertThat(onePupil.requests().made()).isEqualTo(1);
        assertThat(legal.figures(List.of(school.urn()), null, LocalDate.of(2027, 9, 1)).notices().issued()).isZero();
    }

    private long pupilId(String upn) {
        return jdbc.queryForObject("select id from pupil where upn = ?", Long.class, upn);
    }

    private UUID request(Fixtures.TestSchool at, long pupilId, String status) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into legal_penalty_request (id, pupil_id, upn, school_urn, la_code, route, period_from, "
                        + "period_to, school_statement, status, requested_by, requested_at) select ?, id, upn, ?, ?, "
                        + "'TERM_TIME_HOLIDAY', ?, ?, 'Ten sessions of G', ?, 'officer', ? from pupil where id = ?",
                id, at.urn(), at.laCode(), Date.valueOf(LocalDate.of(2026, 9, 14)), Date.valueOf(LocalDate.of(2026, 9, 25)),
                status, Timestamp.from(Instant.parse("2026-10-01T10:00:00Z")), pupilId);
        return id;
    }

    private void notice(UUID request, Fixtures.TestSchool at, long pupilId, String status, LocalDate received,
                        LocalDate paidOn) {
        boolean withdrawn = status.equals("WITHDRAWN");
        jdbc.update("insert into legal_penalty_notice (id, number, request_id, pupil_id, upn, school_urn, la_code, "
                        + "parent_name, parent_address, parent_date_of_birth, parent_key, occasion, reduced_amount, "
                        + "reduced_within_days, full_amount, full_within_days, policy_version, issued_on, issued_by, "
                        + "received_on, status, paid_on, withdrawal_ground, withdrawal_reason, withdrawn_by, created_at) "
                        + "select ?, ?, ?, id, upn, ?, ?, 'Sam Parent', '1 High Street', ?, 'sam parent 1980-01-01', 1, 80, "
                        + "21, 160, 28, 1, ?, 'la.officer', ?, ?, ?, ?, ?, ?, now() from pupil where id = ?",
                UUID.randomUUID(), "PN-" + UUID.randomUUID().toString().substring(0, 18), request, at.urn(), at.laCode(),
                Date.valueOf(LocalDate.of(1980, 1, 1)), Date.valueOf(received.minusDays(2)), Date.valueOf(received),
                status, paidOn == null ? null : Date.valueOf(paidOn), withdrawn ? "MATERIAL_ERROR" : null,
                withdrawn ? "Wrong dates" : null, withdrawn ? "la.officer" : null, pupilId);
    }

    private void prosecution(Fixtures.TestSchool at, long pupilId, String status, String outcome) {
        jdbc.update("insert into legal_prosecution (id, pupil_id, upn, school_urn, la_code, parent_name, parent_key, "
                        + "status, outcome, fine_amount, officer, created_at) select ?, id, upn, ?, ?, 'Sam Parent', "
                        + "'sam parent 1980-01-01', ?, ?, ?, 'la.officer', ? from pupil where id = ?",
                UUID.randomUUID(), at.urn(), at.laCode(), status, outcome, outcome == null ? null : 100,
                Timestamp.from(Instant.parse("2026-11-01T10:00:00Z")), pupilId);
    }
}
