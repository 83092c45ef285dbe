-- Each threshold a pupil crossed, once (module: attendance). A recalculation publishes a signal only when it records
-- the crossing here first, so the same crossing (the first fall below 95 % of the year, day 3 of a run of
-- unexplained absence, ...) never opens the same task twice, whichever node or redelivery detects it again.
create table attendance_signal_crossing (
    pupil_id      bigint       not null references pupil (id),
    academic_year varchar(7)   not null,
    kind          varchar(40)  not null,
    crossing      varchar(100) not null,
    signalled_at  timestamptz  not null default now(),
    primary key (pupil_id, academic_year, kind, crossing)
);
