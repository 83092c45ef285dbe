/**
 * The legal half of the attendance ladder: Notices to Improve, the school's request for a penalty notice and the
 * LA's decision, penalty notices (one per parent, per child) with their payments and withdrawal, attendance
 * contracts, the consideration of an education supervision order, and prosecutions. Amounts, periods and
 * deadlines are POLICY in DMN tables (processes/legal-policy.dmn, penalty-notice-policy.dmn, notice-service.dmn).
 *
 * <p>The attendance case reaches the legal processes (processes/notice-to-improve.bpmn, penalty-notice.bpmn,
 * prosecution.bpmn) through call activities; this module writes on the case's timeline through casework's
 * {@code CaseStore} and asks for letters with notification's letter-request event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Legal interventions",
        allowedDependencies = {"shared", "security", "school", "register", "attendance", "attendance :: calculator", "casework", "notification"})
package org.openattendance.legal;
