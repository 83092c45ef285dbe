/** Value types that every module may use: UPN, academic year, session. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.openattendance.shared;
