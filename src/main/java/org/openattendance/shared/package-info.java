/**
 * Value types and plain rules that every module may use: UPN, academic year, session, bank holidays in England and
 * Wales.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.openattendance.shared;
