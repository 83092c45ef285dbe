/** Declares the cases module it uses. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "cases")
package org.openattendance.moduleproof.declared.letters;
