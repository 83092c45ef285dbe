/** Declares that it uses no other module, but uses cases: the deliberate violation. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.openattendance.moduleproof.undeclared.letters;
