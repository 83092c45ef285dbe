package org.openattendance.returns;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openattendance.register.RegisterQueries;
import org.openattendance.school.DeletionGround;
import org.openattendance.school.DeletionGroundCheck;
import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 20-day ground (regulation 9(1)(i)): at least 20 continuous school days (on the school's calendar) on which every
 * session is coded G, N or O, and both the school and the LA have recorded reasonable enquiries, made during that
 * absence, that failed to find the child. The deletion is refused while either is missing, saying which.
 */
@Component
class TwentyDayGround implements DeletionGroundCheck {

    static final int SCHOOL_DAYS = 20;
    static final Set<String> ABSENCE_CODES = Set.of("G", "N", "O");
    /** How far back the run of absence is looked for: enough for 20 school days across a holiday. */
    private static final int LOOK_BACK_DAYS = 200;

    /** Where a pupil stands on the 20-day ground: the run of absence and each side's enquiries. */
    record Standing(int schoolDays, LocalDate runStart, Optional<Enquiry> school, Optional<Enquiry> la) {
        boolean absenceMet() {
            return schoolDays >= SCHOOL_DAYS;
        }
    }

    record Enquiry(String side, String enquiries, boolean childFound, String whereFound, String recordedBy,
                   java.time.Instant recordedAt) {
    }

    private final RegisterQueries register;
    private final SchoolCalendars calendars;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TwentyDayGround(RegisterQueries register, SchoolCalendars calendars, JdbcTemplate jdbc, Clock clock) {
        this.register = register;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<String> problemsWith(Pupil pupil, DeletionGround ground, LocalDate deletionDate) {
        if (ground != DeletionGround.CONTINUOUS_ABSENCE) {
            return List.of();
        }
        Standing standing = standing(pupil);
        var problems = new ArrayList<String>();
        if (!standing.absenceMet()) {
            problems.add("the pupil has " + standing.schoolDays() + " continuous school day"
                    + (standing.schoolDays() == 1 ? "" : "s") + " coded only G, N or O up to the last day marked; "
                    + SCHOOL_DAYS + " are needed");
        }
        problems.addAll(enquiryProblem("school", standing.school()));
        problems.addAll(enquiryProblem("LA", standing.la()));
        return problems;
    }

    private static List<String> enquiryProblem(String side, Optional<Enquiry> enquiry) {
        if (enquiry.isEmpty()) {
            return List.of("the " + side + "'s reasonable enquiries are not recorded (the joint enquiry task for the "
                    + side + " is not done)");
        }
        if (enquiry.get().childFound()) {
            return List.of("the " + side + "'s enquiries found the child" + (enquiry.get().whereFound() == null ? ""
                    : " (" + enquiry.get().whereFound() + ")") + ": the 20-day ground is not met");
        }
        return List.of();
    }

    /** The pupil's current run of G, N and O days (to the last day marked) and the enquiries made during it. */
    Standing standing(Pupil pupil) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(LOOK_BACK_DAYS).isBefore(pupil.getAdmissionDate())
                ? pupil.getAdmissionDate() : today.minusDays(LOOK_BACK_DAYS);
        Map<LocalDate, Map<Session, String>> marks = new HashMap<>();
        for (RegisterQueries.Mark mark : register.marksOf(pupil.getId(), from, today)) {
            marks.computeIfAbsent(mark.date(), d -> new HashMap<>()).put(mark.session(), mark.code());
        }
        SchoolCalendar calendar = calendars.forYears(pupil.getSchoolUrn(), List.of(AcademicYear.containing(from),
                AcademicYear.containing(today)));
        int days = 0;
        LocalDate runStart = null;
        boolean started = false;
        for (LocalDate day = today; !day.isBefore(from); day = day.minusDays(1)) {
            if (!ReturnDays.isSchoolDay(calendar, day)) {
                continue;
            }
            Map<Session, String> codes = marks.get(day);
            if (codes == null && !started) {
                continue;   // not marked yet (today, or a register still to be taken)
            }
            started = true;
            if (!allAbsent(calendar, day, codes)) {
                break;
            }
            days++;
            runStart = day;
        }
        LocalDate since = runStart == null ? today : runStart;
        return new Standing(days, runStart, latest(pupil.getId(), "SCHOOL", since), latest(pupil.getId(), "LA", since));
    }

    private static boolean allAbsent(SchoolCalendar calendar, LocalDate day, Map<Session, String> codes) {
        if (codes == null) {
            return false;
        }
        for (Session session : Session.values()) {
            if (calendar.isOpen(day, session) && !ABSENCE_CODES.contains(codes.get(session))) {
                return false;
            }
        }
        return true;
    }

    private Optional<Enquiry> latest(long pupilId, String side, LocalDate since) {
        return jdbc.query("""
                select side, enquiries, child_found, where_found, recorded_by, recorded_at from deletion_enquiry
                where pupil_id = ? and side = ? and recorded_at >= ? order by recorded_at desc, id desc limit 1""",
                (rs, i) -> new Enquiry(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()),
                pupilId, side, java.sql.Timestamp.valueOf(since.atStartOfDay())).stream().findFirst();
    }
}
