/** Helpers for the process steps of every module: reading what a form submitted. */
package org.openattendance.shared.process;
