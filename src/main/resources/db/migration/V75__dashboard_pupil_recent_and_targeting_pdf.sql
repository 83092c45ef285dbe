-- Each pupil's figures as of their school's latest week (module: dashboard): the year to date and the last four
-- school weeks, with the year group and cohorts on record. Written with the school's rollups after every refresh, so
-- that the lists of children (the Virtual School's, a caseload, a termly targeting pack) and the Virtual School's
-- breakdowns read one small row per pupil instead of weeks of rows.
create table dashboard_pupil_recent (
    pupil_id            bigint     not null,
    academic_year       varchar(7) not null,
    school_urn          varchar(7) not null,
    year_group          smallint   not null,
    cohorts             integer    not null,
    ytd_possible        integer    not null,
    ytd_attended        integer    not null,
    ytd_authorised      integer    not null,
    ytd_unauthorised    integer    not null,
    ytd_late            integer    not null,
    recent_possible     integer    not null,
    recent_attended     integer    not null,
    recent_authorised   integer    not null,
    recent_unauthorised integer    not null,
    recent_late         integer    not null,
    primary key (pupil_id, academic_year)
);
create index dashboard_pupil_recent_school_idx on dashboard_pupil_recent (school_urn, academic_year);

-- Each school's termly targeting pack as a PDF, made once for the pack's content: the fingerprint is the SHA-256 of
-- the pack's HTML (which carries every figure, name, stage and action in it and the day it was prepared), so a PDF is
-- handed out again only while the pack it was made from is unchanged, on whichever node asks.
create table dashboard_targeting_pdf (
    school_urn  varchar(7)  not null primary key,
    fingerprint varchar(64) not null,
    pdf         bytea       not null,
    made_at     timestamptz not null
);

-- The aggregates are worked out again at the next start (BuildWhenEmpty), so that every school has its pupils' rows.
truncate dashboard_pupil_week, dashboard_school_week, dashboard_school_week_code, dashboard_school_year,
    dashboard_unexplained_mark, dashboard_school_day;
