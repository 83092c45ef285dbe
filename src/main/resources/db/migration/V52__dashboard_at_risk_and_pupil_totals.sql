-- The dashboard's aggregates are derived from the register; this version adds to them, and empties them so that the
-- next start works every school out again (BuildWhenEmpty), as after a first installation.

-- The pupils of each school at risk of persistent absence as of its latest week (not yet persistently absent, with
-- attendance below 92 % for the year, or below 92 % over the last four school weeks and falling), so that the LA's
-- list of termly targeting packs needs one row per school.
alter table dashboard_school_year add column at_risk integer not null default 0;

-- Each pupil week also holds the year to date by code (code:sessions, comma-separated) and the pupil's band for the
-- week and for the year to date (0 none, 1 persistent, 2 severe, as the calculator decides them), so that any period
-- is the difference of two rows and week-by-week figures of any group are summed in the database.
alter table dashboard_pupil_week add column ytd_codes varchar(600) not null default '';
alter table dashboard_pupil_week add column week_band smallint not null default 0;
alter table dashboard_pupil_week add column ytd_band smallint not null default 0;
create index dashboard_pupil_week_year_group_idx on dashboard_pupil_week (school_urn, academic_year, year_group, week_start);

truncate dashboard_pupil_week, dashboard_school_week, dashboard_school_week_code, dashboard_school_year,
    dashboard_unexplained_mark, dashboard_school_day;
