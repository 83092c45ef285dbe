-- The attendance case: one per pupil and academic year (the unique constraint holds across nodes),
-- and its timeline of tasks, decisions, signals, letters and stage changes.
create table attendance_case (
    id                  uuid         primary key,
    pupil_id            bigint       not null references pupil (id),
    upn                 varchar(13)  not null,
    academic_year       varchar(7)   not null,
    school_urn          varchar(7)   not null,
    la_code             varchar(3)   not null,
    stage               varchar(30)  not null,
    status              varchar(6)   not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    priority            varchar(6)   not null default 'NORMAL' check (priority in ('NORMAL', 'HIGH', 'TOP')),
    process_instance_id varchar(64),
    opened_at           timestamptz  not null default now(),
    closed_at           timestamptz,
    closed_reason       varchar(500),
    constraint attendance_case_one_per_pupil_and_year unique (pupil_id, academic_year)
);

create index attendance_case_upn_idx on attendance_case (upn);
create index attendance_case_school_idx on attendance_case (school_urn, status);

create table case_event (
    id               bigserial    primary key,
    case_id          uuid         not null references attendance_case (id),
    at               timestamptz  not null default now(),
    kind             varchar(8)   not null check (kind in ('TASK', 'DECISION', 'SIGNAL', 'LETTER', 'STAGE')),
    name             varchar(200) not null,
    detail           text,
    actor            varchar(100),
    decision_key     varchar(100),
    decision_version integer
);

create index case_event_case_idx on case_event (case_id, at, id);
