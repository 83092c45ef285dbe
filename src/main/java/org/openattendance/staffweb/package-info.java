/**
 * The staff web: the composition layer at the top of the spine. It reads the business modules through their public
 * services and shows their data together on one page (a task with its pupil and case, a pupil's register beside their
 * case and letters); no business module depends on it.
 * <ul>
 * <li>{@code shell}: the home page, the signed-in header and navigation, the admin home, the words
 * for values (labels, dates), the GOV.UK Frontend assets;</li>
 * <li>{@code inbox}: the task inbox, the task page and its form rendered from {@code forms/*.form};</li>
 * <li>{@code pupils}: the pupil page (register calendar, attendance chart, case, letters, the legal section that
 * legal renders), pupil search, the schools and their pupil lists.</li>
 * </ul>
 * Pages that show one module's data only live in that module (the register upload page, the admin pages for users,
 * letter templates and the outbox, the leave pages).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff web",
        allowedDependencies = { "shared", "security", "school", "register", "attendance", "attendance :: calculator",
                "casework", "leave", "notification", "legal" })
package org.openattendance.staffweb;
