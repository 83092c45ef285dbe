package org.openattendance.school;

public enum Phase { NURSERY, PRIMARY, MIDDLE, SECONDARY, ALL_THROUGH, SPECIAL, ALTERNATIVE_PROVISION }
