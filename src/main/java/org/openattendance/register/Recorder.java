package org.openattendance.register;

/** Who records marks, in which role, and through which channel. */
public record Recorder(String username, String role, MarkSource source) {
}
