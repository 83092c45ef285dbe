package org.openattendance.demo;

import java.time.LocalTime;
import java.util.List;

import org.openattendance.school.Phase;

/**
 * One of the demo schools: who it is, how many pupils it has in which year groups, and the length of the run of
 * unexplained (N) days that one of its pupils has up to yesterday.
 */
record DemoSchool(String urn, String name, String shortName, Phase phase, LocalTime registerClosesAt,
                  String establishmentNumber, int pupils, int youngestYearGroup, int oldestYearGroup,
                  boolean pollingStation, int currentUnexplainedDays) {

    static final String LA_CODE = "881";
    static final String LA_NAME = "Northshire";

    static final DemoSchool MILLBROOK = new DemoSchool("136201", "Millbrook Primary School", "millbrook",
            Phase.PRIMARY, LocalTime.of(9, 15), "2153", 120, 0, 6, true, 3);
    static final DemoSchool ST_ANNES = new DemoSchool("114932", "St Anne's CofE Primary School", "stannes",
            Phase.PRIMARY, LocalTime.of(9, 15), "3315", 110, 0, 6, false, 5);
    static final DemoSchool CASTLE_HILL = new DemoSchool("145870", "Castle Hill Academy", "castlehill",
            Phase.SECONDARY, LocalTime.of(8, 55), "4072", 180, 7, 11, false, 11);

    static final List<DemoSchool> ALL = List.of(MILLBROOK, ST_ANNES, CASTLE_HILL);

    static List<String> urns() {
        return ALL.stream().map(DemoSchool::urn).toList();
    }

    /** The year group pupils join in: reception (0) in a primary, year 7 in a secondary. */
    int entryYearGroup() {
        return youngestYearGroup;
    }
}
