/**
 * The staff web pages: the home page (the schools a user may see), the page layout's signed-in header, the
 * GOV.UK Frontend assets. Pages that show one module's data live in that module (e.g. the register upload page).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff web")
package org.openattendance.inbox;
