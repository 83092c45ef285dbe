/** Uses no other module. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.openattendance.moduleproof.declared.cases;
