-- Leave-of-absence requests, their evidence, the parents' one-time links, and e-mails that are not letters.

create table leave_request (
    id                   uuid primary key,
    pupil_id             bigint       not null references pupil (id),
    upn                  varchar(13)  not null,
    school_urn           varchar(7)   not null references school (urn),
    from_date            date         not null,
    from_session         varchar(2)   not null check (from_session in ('AM', 'PM')),
    to_date              date         not null,
    to_session           varchar(2)   not null check (to_session in ('AM', 'PM')),
    reason               varchar(30)  not null,
    details              text,
    parents_travelling   text,
    -- Who asked: the parent's name (and id when they asked online), and how the request came in.
    requested_by         varchar(200) not null,
    requested_by_parent  bigint,
    channel              varchar(6)   not null check (channel in ('ONLINE', 'PAPER', 'API')),
    entered_by           varchar(100),
    -- UNCONFIRMED: asked for online, the e-mailed link not used yet; the request does not count as made.
    status               varchar(20)  not null check (status in ('UNCONFIRMED', 'SUBMITTED', 'CHECKED', 'GRANTED',
                                      'PARTLY_GRANTED', 'REFUSED', 'WITHDRAWN', 'TAKEN_UNAUTHORISED')),
    created_at           timestamptz  not null,
    submitted_at         timestamptz,
    -- Made on or after the first day asked for: flagged for the office and the headteacher, not refused.
    after_the_fact       boolean      not null default false,
    check_notes          text,
    checked_by           varchar(100),
    screen_advice        varchar(60),
    screen_decision_key  varchar(100),
    screen_decision_version int,
    decision_reasons     text,
    decided_by           varchar(100),
    decided_role         varchar(40),
    decided_at           timestamptz,
    granted_code         varchar(2),
    granted_from_date    date,
    granted_to_date      date,
    -- A partial grant runs from a session of its first day to a session of its last day.
    granted_from_session varchar(2) check (granted_from_session in ('AM', 'PM')),
    granted_to_session   varchar(2) check (granted_to_session in ('AM', 'PM')),
    withdrawn_at         timestamptz,
    withdrawn_by         varchar(200),
    recoded_sessions     int,
    process_instance_id  varchar(64)
);
create index leave_request_pupil on leave_request (upn, from_date);

create table leave_evidence (
    id           bigserial primary key,
    request_id   uuid         not null references leave_request (id),
    file_name    varchar(200) not null,
    content_type varchar(40)  not null,
    size_bytes   int          not null,
    content      bytea        not null,
    uploaded_at  timestamptz  not null
);
create index leave_evidence_request on leave_evidence (request_id);

-- Only a hash of each link's token is kept. CONFIRM links work once; STATUS links until they expire.
create table leave_link (
    token_hash   char(64)     primary key,
    request_id   uuid         not null references leave_request (id),
    purpose      varchar(7)   not null check (purpose in ('CONFIRM', 'STATUS')),
    expires_at   timestamptz  not null,
    used_at      timestamptz
);
create index leave_link_request on leave_link (request_id);

-- The outbox also carries e-mails that are not letters (a parent's one-time link): their body waits here until
-- the mail server took it, then it is wiped, so a link never stays readable in the database.
alter table outbox_message alter column letter_id drop not null;
alter table outbox_message add column body text;
alter table outbox_message add constraint outbox_message_letter_or_body
    check (letter_id is not null or body is not null or status = 'SENT');
