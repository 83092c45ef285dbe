package org.openattendance.notification;

/**
 * A process step asks for a member of staff to be told by e-mail that a task is waiting for them. The notification
 * module queues one e-mail per address; {@code noticeKey} makes a notice unique, so it is never sent twice however
 * often this event is delivered. Subject and text carry no pupil's name: the task page (at {@code taskPath}) shows
 * the details to whoever may see them. Owned here, by the module that receives it, like {@link LetterRequested}.
 *
 * @param username      the member of staff to tell (e.g. the pupil's social worker), or null
 * @param virtualSchool the code of the LA whose Virtual School Head is told, or null
 */
public record StaffNoticeRequested(String noticeKey, String username, String virtualSchool, String subject,
                                   String text, String taskPath) {
}
