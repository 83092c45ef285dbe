-- The dashboards' pre-computed figures (module: dashboard). Kept up to date after every register load and every
-- change of pupil records, so that no dashboard or summary reads raw marks when it is asked.

-- One row per pupil, academic year and week (Monday to Sunday, only the days of that academic year), from the week
-- the pupil came on roll to the latest week worked out, with no gaps: a week without marks has zero sessions. The
-- year-to-date columns run from the start of the academic year (or the admission) to the end of the week, so the
-- figures of any period are the difference of two rows, and the week's codes allow a period to start or end
-- inside a week.
create table dashboard_pupil_week (
    pupil_id         bigint      not null,
    academic_year    varchar(7)  not null,
    week_start       date        not null,
    school_urn       varchar(7)  not null,
    year_group       smallint    not null,
    cohorts          integer     not null,
    possible         smallint    not null,
    attended         smallint    not null,
    authorised       smallint    not null,
    unauthorised     smallint    not null,
    late             smallint    not null,
    -- the week's marks on roll: two characters per session from Monday morning to Sunday afternoon, blank for none
    codes            varchar(28) not null,
    ytd_possible     integer     not null,
    ytd_attended     integer     not null,
    ytd_authorised   integer     not null,
    ytd_unauthorised integer     not null,
    ytd_late         integer     not null,
    primary key (pupil_id, academic_year, week_start)
);
create index dashboard_pupil_week_school_idx on dashboard_pupil_week (school_urn, academic_year, week_start);

-- Per school and week, the same figures summed over all pupils (dimension ALL), each year group (YEAR) and each
-- cohort (COHORT; a pupil in two cohorts counts in both): the week's own and the year to date, with the pupils
-- persistently (10 %) and severely (50 %) absent over each.
create table dashboard_school_week (
    school_urn       varchar(7)  not null,
    academic_year    varchar(7)  not null,
    week_start       date        not null,
    dimension        varchar(6)  not null check (dimension in ('ALL', 'YEAR', 'COHORT')),
    member           varchar(30) not null,
    pupils           integer     not null,
    possible         integer     not null,
    attended         integer     not null,
    authorised       integer     not null,
    unauthorised     integer     not null,
    late             integer     not null,
    persistent       integer     not null,
    severe           integer     not null,
    ytd_pupils       integer     not null,
    ytd_possible     integer     not null,
    ytd_attended     integer     not null,
    ytd_authorised   integer     not null,
    ytd_unauthorised integer     not null,
    ytd_late         integer     not null,
    ytd_persistent   integer     not null,
    ytd_severe       integer     not null,
    primary key (school_urn, academic_year, week_start, dimension, member)
);
create index dashboard_school_week_week_idx on dashboard_school_week (academic_year, week_start);

-- Sessions by code, per school, week and the same dimensions.
create table dashboard_school_week_code (
    school_urn    varchar(7)  not null,
    academic_year varchar(7)  not null,
    week_start    date        not null,
    dimension     varchar(6)  not null,
    member        varchar(30) not null,
    code          varchar(2)  not null,
    sessions      integer     not null,
    ytd_sessions  integer     not null,
    primary key (school_urn, academic_year, week_start, dimension, member, code)
);

-- The latest week worked out for each school and year: its year-to-date figures are the school's.
create table dashboard_school_year (
    school_urn    varchar(7)  not null,
    academic_year varchar(7)  not null,
    last_week     date        not null,
    as_of         date        not null,
    refreshed_at  timestamptz not null,
    primary key (school_urn, academic_year)
);

-- Every session still marked N (reason not yet established), so that those older than the five school days the
-- regulations allow can be counted and listed per school.
create table dashboard_unexplained_mark (
    pupil_id   bigint     not null,
    mark_date  date       not null,
    session    varchar(2) not null,
    school_urn varchar(7) not null,
    primary key (pupil_id, mark_date, session)
);
create index dashboard_unexplained_mark_school_idx on dashboard_unexplained_mark (school_urn, mark_date);

-- Each school's school days (a day with a session open), this academic year and the last, from its calendar: how
-- many school days old an N is.
create table dashboard_school_day (
    school_urn varchar(7) not null,
    day        date       not null,
    primary key (school_urn, day)
);
