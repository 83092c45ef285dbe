-- The school rollups also split each cohort by year group (YEAR_COHORT, member '9 FSM') and by the other cohorts its
-- pupils are in (COHORT_PAIR, member 'LOOKED_AFTER FSM'): the weekly trend and the breakdowns of a dashboard with two
-- filters at once, and of the Virtual School (the looked-after cohort) split by year group or cohort, are then read
-- from one row per school and week instead of being summed from every pupil's weekly rows. Pupils and sessions only:
-- their sessions by code stay in the pupils' rows.
alter table dashboard_school_week drop constraint dashboard_school_week_dimension_check;
alter table dashboard_school_week alter column dimension type varchar(12);
alter table dashboard_school_week alter column member type varchar(60);
alter table dashboard_school_week add constraint dashboard_school_week_dimension_check
    check (dimension in ('ALL', 'YEAR', 'COHORT', 'YEAR_COHORT', 'COHORT_PAIR'));
alter table dashboard_school_week_code alter column dimension type varchar(12);
alter table dashboard_school_week_code alter column member type varchar(60);

-- The figures of a period read two rows per pupil (the year to date at the end week and before the start week) of
-- every school of the LA: the index by school and week carries the columns they need, so the rows are read from the
-- index alone, in order, instead of one table page per row.
drop index dashboard_pupil_week_school_idx;
create index dashboard_pupil_week_school_idx on dashboard_pupil_week (school_urn, academic_year, week_start)
    include (pupil_id, year_group, cohorts, possible, attended, authorised, unauthorised, late, ytd_possible,
             ytd_attended, ytd_authorised, ytd_unauthorised, ytd_late, codes);

-- The aggregates are worked out again at the next start (BuildWhenEmpty), so that every school has the new rows.
truncate dashboard_pupil_week, dashboard_school_week, dashboard_school_week_code, dashboard_school_year,
    dashboard_unexplained_mark, dashboard_school_day, dashboard_pupil_recent;
