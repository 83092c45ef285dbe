/**
 * The LA's register of children missing education: children referred by the case ladder (no contact by the referral
 * day) and children deleted from roll whose whereabouts are not known (the 20-day ground, moved away with no new
 * school), each with the enquiries made, the outcome, and when the next review is due. Kept by the LA's officers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Children missing education",
        allowedDependencies = {"school", "security", "shared"})
package org.openattendance.missingeducation;
