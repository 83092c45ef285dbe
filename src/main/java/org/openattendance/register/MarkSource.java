package org.openattendance.register;

/** Where a mark came from. */
public enum MarkSource { API, UPLOAD, MIS, CASEWORK, LEAVE_REQUEST, DEMO, BENCHMARK }
