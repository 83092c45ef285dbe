/**
 * Letters to parents: templates an LA can edit, rendered to HTML and PDF, stored on the case, e-mailed through an
 * outbox that survives a mail server being down. Other modules ask for a letter or a staff notice only through this
 * module's own events ({@link org.openattendance.notification.LetterRequested},
 * {@link org.openattendance.notification.StaffNoticeRequested}), so notification depends on no business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Letters and e-mail",
        allowedDependencies = { "shared", "security", "school" })
package org.openattendance.notification;
