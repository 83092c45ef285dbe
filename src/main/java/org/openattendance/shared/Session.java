package org.openattendance.shared;

public enum Session { AM, PM }
