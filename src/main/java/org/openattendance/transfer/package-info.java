/**
 * The DfE's Common Transfer File: importing the pupils joining a school (their details, contacts, SEN and looked-after
 * flags, and the marks from their previous setting, kept apart as marks from another setting) and exporting a
 * leaver's file for the next school. The XML is read with DTDs and entities refused and within a size limit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common Transfer File",
        allowedDependencies = {"school", "register", "security", "shared"})
package org.openattendance.transfer;
