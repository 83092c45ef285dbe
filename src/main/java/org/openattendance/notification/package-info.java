/**
 * Letters to parents: templates an LA can edit, rendered to HTML and PDF, stored on the case, e-mailed through an
 * outbox that survives a mail server being down. Other modules ask for a letter only through an event
 * ({@code casework.LetterRequested}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Letters and e-mail")
package org.openattendance.notification;
