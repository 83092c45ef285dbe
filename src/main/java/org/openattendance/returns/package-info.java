/**
 * What a school owes its LA: the new-pupil return (within 5 school days of entry, except the youngest year starting
 * on the first day of the year) and the deletion return (no later than the deletion), when each is due and whether
 * it was made on time; the 20-day ground's joint enquiries (a task for the school and one for the LA, in
 * processes/twenty-day-enquiries.bpmn) and the check that a deletion on that ground is allowed; the pupil's deletion
 * page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Returns to the LA",
        allowedDependencies = {"school", "register", "security", "shared"})
package org.openattendance.returns;
