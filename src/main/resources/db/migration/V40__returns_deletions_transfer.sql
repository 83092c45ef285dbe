-- Returns to the LA, deletions from roll with their grounds, the 20-day ground's joint enquiries, the LA's register
-- of children missing education, and marks a joining pupil brings from another setting (issue 13).

-- school: the youngest and the final year group (the new-pupil return's exemption, the standard transition).
alter table school add column youngest_year_group int;
alter table school add column final_year_group int;
update school set youngest_year_group = case phase when 'NURSERY' then -1 when 'SECONDARY' then 7 when 'MIDDLE' then 5
                                                  else 0 end,
                  final_year_group = case phase when 'NURSERY' then 0 when 'PRIMARY' then 6 when 'MIDDLE' then 8
                                                when 'SECONDARY' then 11 else 13 end;

-- school: each deletion from roll as the one path recorded it (the pupil row keeps the date and the ground's label).
create table pupil_deletion (
    id                  bigserial    primary key,
    pupil_id            bigint       not null references pupil (id),
    deletion_date       date         not null,
    ground              varchar(40)  not null,
    destination_school  varchar(200),
    new_address         varchar(500),
    parent_notice_date  date,
    channel             varchar(20)  not null,
    recorded_by         varchar(100) not null,
    recorded_at         timestamptz  not null default now(),
    unique (pupil_id, deletion_date)
);

-- returns: what a school owes its LA (a new pupil's details within 5 school days; a deletion no later than the
-- deletion), when it is due and when it was made. One return of each kind per pupil and date.
create table la_return (
    id           bigserial    primary key,
    kind         varchar(10)  not null check (kind in ('NEW_PUPIL', 'DELETION')),
    pupil_id     bigint       not null references pupil (id),
    upn          varchar(13)  not null,
    school_urn   varchar(7)   not null references school (urn),
    la_code      varchar(3)   not null,
    event_date   date         not null,
    due_date     date         not null,
    made_at      timestamptz,
    made_by      varchar(100),
    details      text,
    unique (kind, pupil_id, event_date)
);
create index la_return_school_idx on la_return (school_urn, due_date);
create index la_return_la_idx on la_return (la_code, due_date);

-- returns: the reasonable enquiries of the school and of the LA before a deletion on the 20-day ground.
create table deletion_enquiry (
    id            bigserial    primary key,
    pupil_id      bigint       not null references pupil (id),
    side          varchar(6)   not null check (side in ('SCHOOL', 'LA')),
    enquiries     text         not null,
    child_found   boolean      not null,
    where_found   varchar(1000),
    recorded_by   varchar(100) not null,
    recorded_at   timestamptz  not null default now(),
    task_id       varchar(64)  unique
);
create index deletion_enquiry_pupil_idx on deletion_enquiry (pupil_id, side);

-- missingeducation: the LA's register of children missing education, one open entry per pupil at a time.
create table cme_entry (
    id            bigserial    primary key,
    pupil_id      bigint       not null references pupil (id),
    upn           varchar(13)  not null,
    school_urn    varchar(7)   not null references school (urn),
    la_code       varchar(3)   not null,
    referred_on   date         not null,
    source        varchar(20)  not null check (source in ('CASE_LADDER', 'DELETION')),
    reason        varchar(500) not null,
    source_key    varchar(200) not null unique,
    review_due    date         not null,
    outcome       varchar(20)  check (outcome in ('FOUND_AT_SCHOOL', 'FOUND_OTHER_SCHOOL', 'HOME_EDUCATED', 'MOVED_ABROAD',
                                                  'MOVED_OTHER_LA', 'STILL_MISSING')),
    outcome_detail varchar(1000),
    closed_on     date,
    closed_by     varchar(100)
);
create index cme_entry_la_idx on cme_entry (la_code, closed_on);

create table cme_enquiry (
    id           bigserial    primary key,
    entry_id     bigint       not null references cme_entry (id),
    made_on      date         not null,
    enquiry      text         not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz  not null default now()
);
create index cme_enquiry_entry_idx on cme_enquiry (entry_id, made_on);

-- register: marks a pupil received at another setting before joining (from a Common Transfer File). They are not
-- this school's register; they count toward the penalty threshold's 10 school weeks only. code_set says which code
-- table they use: 2024 (the current codes) or PRE_2024 (the codes before 19 August 2024, with their meaning then).
create table other_setting_mark (
    pupil_id      bigint       not null references pupil (id),
    mark_date     date         not null,
    session       varchar(2)   not null check (session in ('AM', 'PM')),
    code          varchar(2)   not null,
    code_set      varchar(8)   not null check (code_set in ('2024', 'PRE_2024')),
    setting       varchar(200) not null,
    recorded_by   varchar(100) not null,
    recorded_at   timestamptz  not null default now(),
    primary key (pupil_id, mark_date, session)
);
create trigger other_setting_mark_no_change before update or delete on other_setting_mark
    for each row execute function register_is_append_only();

-- register: the codes in use before 19 August 2024 (Education (Pupil Registration) (England) Regulations 2006),
-- with the meaning they had then. Never accepted for new marks; read for history only.
create table historic_attendance_code (
    code                            varchar(2)   primary key,
    category                        varchar(40)  not null,
    counts_as_possible              boolean      not null,
    counts_as_attended              boolean      not null,
    counts_toward_penalty_threshold boolean      not null,
    meaning                         varchar(200) not null
);
insert into historic_attendance_code values
    ('/', 'PRESENT', true, true, false, 'Present (AM)'),
    ('\', 'PRESENT', true, true, false, 'Present (PM)'),
    ('L', 'PRESENT', true, true, false, 'Late (before registers closed)'),
    ('B', 'APPROVED_EDUCATIONAL_ACTIVITY', true, true, false, 'Educated off site (not dual registration)'),
    ('D', 'NOT_COUNTED', false, false, false, 'Dual registration (attending another establishment)'),
    ('J', 'APPROVED_EDUCATIONAL_ACTIVITY', true, true, false, 'At an interview with prospective employers or another educational establishment'),
    ('P', 'APPROVED_EDUCATIONAL_ACTIVITY', true, true, false, 'Participating in a supervised sporting activity'),
    ('V', 'APPROVED_EDUCATIONAL_ACTIVITY', true, true, false, 'Educational visit or trip'),
    ('W', 'APPROVED_EDUCATIONAL_ACTIVITY', true, true, false, 'Work experience'),
    ('C', 'AUTHORISED', true, false, false, 'Other authorised circumstances'),
    ('E', 'AUTHORISED', true, false, false, 'Excluded (no alternative provision made)'),
    ('F', 'AUTHORISED', true, false, false, 'Extended family holiday (agreed; withdrawn in 2013)'),
    ('H', 'AUTHORISED', true, false, false, 'Family holiday (agreed by the headteacher)'),
    ('I', 'AUTHORISED', true, false, false, 'Illness (not medical or dental appointments)'),
    ('M', 'AUTHORISED', true, false, false, 'Medical or dental appointment'),
    ('R', 'AUTHORISED', true, false, false, 'Religious observance'),
    ('S', 'AUTHORISED', true, false, false, 'Study leave'),
    ('T', 'AUTHORISED', true, false, false, 'Traveller absence'),
    ('G', 'UNAUTHORISED', true, false, true, 'Family holiday (not agreed, or days in excess of agreement)'),
    ('N', 'UNAUTHORISED', true, false, true, 'No reason yet provided for absence'),
    ('O', 'UNAUTHORISED', true, false, true, 'Unauthorised absence not covered by any other code'),
    ('U', 'UNAUTHORISED', true, false, true, 'Arrived after registers closed'),
    ('X', 'NOT_COUNTED', false, false, false, 'Non-compulsory school age absence'),
    ('Y', 'NOT_COUNTED', false, false, false, 'Unable to attend due to exceptional circumstances'),
    ('Z', 'NOT_COUNTED', false, false, false, 'Pupil not on admission register'),
    ('#', 'NOT_COUNTED', false, false, false, 'Planned whole or partial school closure');

-- transfer: each Common Transfer File imported, with its header (who sent it, for whom, which version).
create table ctf_import (
    id                bigserial    primary key,
    school_urn        varchar(7)   not null references school (urn),
    source_la         varchar(3),
    source_estab      varchar(4),
    source_school     varchar(200),
    destination_la    varchar(3),
    destination_estab varchar(4),
    ctf_version       varchar(20),
    file_date         varchar(30),
    pupils            int          not null,
    marks             int          not null,
    rejected          int          not null,
    imported_by       varchar(100) not null,
    imported_at       timestamptz  not null default now()
);
