package org.openattendance.attendance.calculator;

import java.util.ArrayList;
import java.util.List;

/** The project's attendance-codes.csv, as the register module will load it. */
final class TestCodes {

    static final String CSV = """
            code,category,counts_as_possible,counts_as_attended,counts_toward_penalty_threshold,meaning
            /,PRESENT,true,true,false,Present at morning registration
            \\,PRESENT,true,true,false,Present at afternoon registration
            L,PRESENT,true,true,false,Late but arrived before the register closed
            K,APPROVED_EDUCATIONAL_ACTIVITY,true,true,false,Attending education provision arranged by the local authority
            V,APPROVED_EDUCATIONAL_ACTIVITY,true,true,false,Attending an educational visit or trip organised by the school
            P,APPROVED_EDUCATIONAL_ACTIVITY,true,true,false,Participating in an approved supervised sporting activity
            W,APPROVED_EDUCATIONAL_ACTIVITY,true,true,false,Attending work experience
            B,APPROVED_EDUCATIONAL_ACTIVITY,true,true,false,Attending any other approved supervised educational activity off site
            D,NOT_COUNTED,false,false,false,Attending another school at which the pupil is dual registered
            C1,AUTHORISED,true,false,false,Leave for a regulated performance or regulated employment abroad
            M,AUTHORISED,true,false,false,Leave for a medical or dental appointment
            J1,AUTHORISED,true,false,false,Leave for an interview
            S,AUTHORISED,true,false,false,Study leave
            X,NOT_COUNTED,false,false,false,Non-compulsory school age pupil not required to attend
            C2,AUTHORISED,true,false,false,Leave for a compulsory school age pupil on an agreed part-time timetable
            C,AUTHORISED,true,false,false,Leave of absence granted for exceptional circumstances
            T,AUTHORISED,true,false,false,Parent travelling for occupational purposes
            R,AUTHORISED,true,false,false,Religious observance
            I,AUTHORISED,true,false,false,Illness (not medical or dental appointments)
            E,AUTHORISED,true,false,false,Suspended or permanently excluded and no alternative provision made
            Q,NOT_COUNTED,false,false,false,Unable to attend because of a lack of access arrangements
            Y1,NOT_COUNTED,false,false,false,Unable to attend: transport normally provided not available
            Y2,NOT_COUNTED,false,false,false,Unable to attend: widespread disruption to travel
            Y3,NOT_COUNTED,false,false,false,Unable to attend: part of the school premises closed
            Y4,NOT_COUNTED,false,false,false,Unable to attend: whole school site unexpectedly closed
            Y5,NOT_COUNTED,false,false,false,Unable to attend: pupil in criminal justice detention
            Y6,NOT_COUNTED,false,false,false,Unable to attend: public health guidance or law
            Y7,NOT_COUNTED,false,false,false,Unable to attend: any other unavoidable cause
            G,UNAUTHORISED,true,false,true,Holiday not granted by the school (or longer than granted)
            N,UNAUTHORISED,true,false,true,Reason for absence not yet established (must be resolved within 5 school days)
            O,UNAUTHORISED,true,false,true,Absent in other or unknown circumstances
            U,UNAUTHORISED,true,false,true,Arrived after the register closed
            Z,NOT_COUNTED,false,false,false,Prospective pupil not yet on the admission register
            #,NOT_COUNTED,false,false,false,Planned whole or partial school closure
            """;

    static final CodeTable STANDARD = parse(CSV);

    private TestCodes() {
    }

    static CodeTable parse(String csv) {
        List<CodeClassification> rows = new ArrayList<>();
        List<String> lines = csv.lines().skip(1).filter(line -> !line.isBlank()).toList();
        for (String line : lines) {
            String[] cells = line.split(",", 6);
            rows.add(new CodeClassification(cells[0], CodeCategory.valueOf(cells[1]),
                    Boolean.parseBoolean(cells[2]), Boolean.parseBoolean(cells[3]), Boolean.parseBoolean(cells[4])));
        }
        return CodeTable.of(rows);
    }
}
