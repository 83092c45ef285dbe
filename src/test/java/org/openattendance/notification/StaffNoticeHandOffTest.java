package org.openattendance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.ScopeDirectory;
import org.openattendance.security.StaffUserStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Module tier: the hand-off of a staff notice to the notification module on its own (Spring Modulith's
 * {@code @ApplicationModuleTest} with a {@link Scenario}): notification's beans, the database and the clock, the
 * neighbouring modules mocked. The process engine still starts, because the application class is the engine's process
 * application. A {@link StaffNoticeRequested} published by whatever module becomes one queued e-mail per address, and
 * a redelivered event queues nothing more.
 */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE, extraIncludes = { "database", "config" })
@ActiveProfiles("test")
@TestPropertySource(properties = { "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true" })
class StaffNoticeHandOffTest {

    @MockitoBean
    StaffUserStore users;
    @MockitoBean
    SchoolDirectory directory;
    @MockitoBean
    AccessPolicy access;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    ScopeDirectory scopes;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNoticeForASocialWorkerIsQueuedForTheirAddressOnceHoweverOftenItArrives(Scenario scenario) {
        when(users.emailOf("sw.handoff")).thenReturn(Optional.of("sw.handoff@test.example"));
        var notice = new StaffNoticeRequested(UUID.randomUUID() + ":task", "sw.handoff", null,
                "A task is waiting for you", "Note the unexplained absence.", "/tasks/42");

        scenario.publish(notice)
                .andWaitForStateChange(() -> recipients(notice), found -> !found.isEmpty())
                .andVerify(found -> assertThat(found).containsExactly("sw.handoff@test.example"));

        scenario.publish(notice)
                .andWaitForStateChange(() -> completedPublications(notice), completed -> completed == 2)
                .andVerify(completed -> assertThat(recipients(notice)).hasSize(1));
    }

    /** The event publications of this notice whose listener has finished (each delivery is one). */
    private int completedPublications(StaffNoticeRequested notice) {
        return jdbc.queryForObject("select count(*) from event_publication where serialized_event like ? "
                + "and completion_date is not null", Integer.class, "%" + notice.noticeKey() + "%");
    }

    private List<String> recipients(StaffNoticeRequested notice) {
        return jdbc.queryForList("select recipient from outbox_message where notice_key like ?", String.class,
                notice.noticeKey() + "%");
    }
}
