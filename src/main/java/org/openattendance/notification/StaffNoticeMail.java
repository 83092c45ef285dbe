package org.openattendance.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.openattendance.security.Role;
import org.openattendance.security.StaffUserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues the e-mail that tells a member of staff of a task: to the named user's address, or to every Virtual
 * School Head of the LA. Plain text, with a link to the task; one message per notice and address, so a redelivered
 * event sends nothing twice. Staff without an address are told by the task alone.
 */
@Component
class StaffNoticeMail {

    private static final Logger log = LoggerFactory.getLogger(StaffNoticeMail.class);

    private final StaffUserStore users;
    private final Outbox outbox;
    private final Clock clock;
    private final String siteUrl;

    StaffNoticeMail(StaffUserStore users, Outbox outbox, Clock clock,
                    @Value("${openattendance.notification.site-url:http://localhost:8080}") String siteUrl) {
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    @ApplicationModuleListener
    void on(StaffNoticeRequested notice) {
        List<String> addresses = new ArrayList<>();
        if (notice.username() != null) {
            users.emailOf(notice.username()).ifPresent(addresses::add);
        }
        if (notice.virtualSchool() != null) {
            addresses.addAll(users.emailsOf(Role.VIRTUAL_SCHOOL_HEAD, notice.virtualSchool()));
        }
        if (addresses.isEmpty()) {
            log.info("Notice {}: nobody to e-mail (no address); the task tells them", notice.noticeKey());
        }
        String body = notice.text() + "\n\nOpen the task: " + siteUrl + notice.taskPath()
                + "\n\nThis e-mail holds no pupil details on purpose; sign in to see them.";
        for (String address : addresses) {
            outbox.queueMessage(address, notice.subject(), body, notice.noticeKey() + ":" + address, clock.instant());
        }
    }
}
