-- Schools, pupils and their families (module: school)
create table local_authority (
    code varchar(3) primary key,
    name varchar(200) not null
);

create table school (
    urn                varchar(7) primary key,
    name               varchar(200) not null,
    la_code            varchar(3)   not null references local_authority (code),
    phase              varchar(20)  not null,
    register_closes_at time         not null,
    created_at         timestamptz  not null default now()
);
create index school_la_idx on school (la_code);

create table school_term (
    id            bigserial primary key,
    school_urn    varchar(7) not null references school (urn),
    academic_year varchar(7) not null,
    start_date    date       not null,
    end_date      date       not null,
    check (end_date >= start_date)
);
create index school_term_school_idx on school_term (school_urn, academic_year);

create table school_closure (
    id            bigserial primary key,
    school_urn    varchar(7) not null references school (urn),
    academic_year varchar(7) not null,
    closure_date  date       not null,
    session       varchar(2) check (session in ('AM', 'PM')),
    reason        varchar(200)
);
create index school_closure_school_idx on school_closure (school_urn, academic_year);

create table pupil (
    id              bigserial primary key,
    upn             varchar(13)  not null unique,
    school_urn      varchar(7)   not null references school (urn),
    forename        varchar(100) not null,
    surname         varchar(100) not null,
    date_of_birth   date         not null,
    year_group      int          not null,
    admission_date  date         not null,
    deletion_date   date,
    deletion_ground varchar(200),
    social_worker   varchar(100),
    updated_at      timestamptz  not null default now(),
    check (deletion_date is null or deletion_date >= admission_date)
);
create index pupil_school_idx on pupil (school_urn);
create index pupil_social_worker_idx on pupil (social_worker) where social_worker is not null;
create index pupil_surname_idx on pupil (lower(surname), lower(forename));

create table pupil_cohort (
    pupil_id bigint      not null references pupil (id) on delete cascade,
    cohort   varchar(30) not null,
    primary key (pupil_id, cohort)
);

create table parent (
    id                      bigserial primary key,
    pupil_id                bigint       not null references pupil (id) on delete cascade,
    name                    varchar(200) not null,
    relationship            varchar(50)  not null,
    parental_responsibility boolean      not null,
    lives_with_pupil        boolean      not null,
    email                   varchar(254),
    phone                   varchar(40),
    address                 varchar(500)
);
create index parent_pupil_idx on parent (pupil_id);

-- The attendance register (module: register). Codes are loaded from attendance-codes.csv by V2.
create table attendance_code (
    code                            varchar(2) primary key,
    category                        varchar(40)  not null,
    counts_as_possible              boolean      not null,
    counts_as_attended              boolean      not null,
    counts_toward_penalty_threshold boolean      not null,
    meaning                         varchar(200) not null
);

-- One row per pupil, date and session. Partitioned by academic year (1 September to 31 August).
create table session_mark (
    pupil_id     bigint      not null,
    mark_date    date        not null,
    session      varchar(2)  not null check (session in ('AM', 'PM')),
    code         varchar(2)  not null,
    minutes_late smallint,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz not null,
    source       varchar(20) not null,
    primary key (pupil_id, mark_date, session)
) partition by range (mark_date);

do $$
declare y int;
begin
    for y in 2018..2040 loop
        execute format('create table session_mark_%s_%s partition of session_mark for values from (%L) to (%L)',
                       y, (y + 1) % 100, make_date(y, 9, 1), make_date(y + 1, 9, 1));
    end loop;
end $$;
create table session_mark_other partition of session_mark default;

create table mark_amendment (
    id            bigserial primary key,
    pupil_id      bigint       not null,
    mark_date     date         not null,
    session       varchar(2)   not null,
    original_code varchar(2)   not null,
    new_code      varchar(2)   not null,
    original_minutes_late smallint,
    new_minutes_late      smallint,
    reason        varchar(500) not null,
    amended_at    timestamptz  not null,
    amended_by    varchar(100) not null,
    amended_role  varchar(40)  not null,
    source        varchar(20)  not null
);
create index mark_amendment_pupil_idx on mark_amendment (pupil_id, mark_date);

-- The register is append-only: marks are amended (with an amendment row), never deleted;
-- amendments are never changed or deleted.
create function register_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the attendance register is append-only: % on % is not allowed', tg_op, tg_table_name;
end $$;
create trigger session_mark_no_delete before delete on session_mark
    for each row execute function register_is_append_only();
create trigger mark_amendment_no_change before update or delete on mark_amendment
    for each row execute function register_is_append_only();

-- Where each pupil stands (module: attendance): one row per pupil and academic year.
create table attendance_snapshot (
    pupil_id                bigint      not null references pupil (id),
    academic_year           varchar(7)  not null,
    as_of                   date        not null,
    possible                int         not null,
    attended                int         not null,
    authorised              int         not null,
    unauthorised            int         not null,
    attendance_percent      numeric(4, 1),
    band                    varchar(12) not null,
    penalty_sessions        int         not null,
    penalty_window_start    date,
    penalty_window_end      date,
    penalty_met             boolean     not null,
    unexplained_streak_days int         not null,
    illness_sessions        int         not null,
    computed_at             timestamptz not null,
    primary key (pupil_id, academic_year)
);
create index attendance_snapshot_band_idx on attendance_snapshot (academic_year, band);

-- Users, roles, scopes and the audit trail (module: security)
create table app_user (
    username      varchar(100) primary key,
    password_hash varchar(100) not null,
    display_name  varchar(200),
    la_code       varchar(3) references local_authority (code),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);
create table app_user_role (
    username varchar(100) not null references app_user (username) on delete cascade,
    role     varchar(30)  not null,
    primary key (username, role)
);
create table app_user_school (
    username   varchar(100) not null references app_user (username) on delete cascade,
    school_urn varchar(7)   not null references school (urn),
    primary key (username, school_urn)
);

create table audit_event (
    id           bigserial primary key,
    occurred_at  timestamptz  not null default now(),
    username     varchar(100) not null,
    roles        varchar(200) not null,
    action       varchar(40)  not null,
    subject_type varchar(30)  not null,
    subject_id   varchar(100) not null,
    detail       varchar(2000)
);
create index audit_event_subject_idx on audit_event (subject_type, subject_id);
create index audit_event_time_idx on audit_event (occurred_at);

-- Spring Modulith's event publication registry: events stay here until their listener has succeeded.
create table event_publication (
    id               uuid primary key,
    listener_id      text        not null,
    event_type       text        not null,
    serialized_event text        not null,
    publication_date timestamptz not null,
    completion_date  timestamptz
);
create index event_publication_incomplete_idx on event_publication (publication_date) where completion_date is null;
