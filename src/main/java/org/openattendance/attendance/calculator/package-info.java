/** The pure attendance calculations: no Spring, no database; inputs in, figures out. */
@org.springframework.modulith.NamedInterface("calculator")
package org.openattendance.attendance.calculator;
