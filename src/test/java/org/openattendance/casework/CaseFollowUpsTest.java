package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseProcessSupport.TestCase;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The no-contact letter, the CME referral's record of what the school tried, school-day periods. */
@IntegrationTest
class CaseFollowUpsTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseProcessSupport cases;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LetterRequests letters;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void atTheNoContactPolicyStepTheParentsGetTheNoContactLetterOncePerRunOfAbsence() {
        TestCase c = cases.openCase();
        for (int day = 1; day <= 2; day++) {
            cases.send(c, "UnexplainedAbsence", "unexplainedDays", day, "absenceDate", Fixtures.weekdaysAgo(5 - day).toString());
            cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");
        }
        assertThat(letters.of(c.caseId())).isEmpty();

        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 3, "absenceDate", Fixtures.weekdaysAgo(2).toString());
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");

        assertThat(c.instance()).hasPassed("no-contact-letter");
        assertThat(cases.open(c, "home-visit")).hasSize(1);
        assertThat(letters.of(c.caseId())).singleElement().satisfies(letter -> {
            assertThat(letter.templateKey()).isEqualTo("no-contact");
            assertThat(letter.fields()).containsEntry("unexplainedDays", "3")
                    .containsEntry("absenceDate", Fixtures.weekdaysAgo(2).toString());
        });

        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 4, "absenceDate", Fixtures.weekdaysAgo(1).toString());
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");
        assertThat(letters.of(c.caseId())).as("same run of absence: the same step key").extracting(LetterRequested::stepKey)
                .containsOnly(letters.of(c.caseId()).get(0).stepKey());
        String step = letters.of(c.caseId()).get(0).stepKey();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from letter where step_key = ?", Integer.class, step) == 1);
        assertThat(jdbc.queryForObject("select template_key from letter where step_key = ?", String.class, step))
                .isEqualTo("no-contact");
    }
}
