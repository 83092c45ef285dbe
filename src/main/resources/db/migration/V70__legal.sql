-- Legal interventions (module: legal): Notices to Improve, requests for penalty notices and the LA's decisions,
-- penalty notices (per parent, per child) with their sessions, payments and withdrawal, attendance contracts,
-- the consideration of an education supervision order, and prosecutions with their court dates.
--
-- Parents are copied onto each record as they were when it was made (name, address, date of birth): the school's
-- pupil upload replaces the parent rows, and a notice must keep naming the person it was issued to. A parent is
-- recognised across notices by parent_key (name in lower case with single spaces, and date of birth).

create table legal_notice_to_improve (
    id                     uuid primary key,
    case_id                uuid         references attendance_case (id),
    pupil_id               bigint       not null references pupil (id),
    upn                    varchar(13)  not null,
    school_urn             varchar(7)   not null references school (urn),
    la_code                varchar(3)   not null,
    issued_by              varchar(6)   not null check (issued_by in ('SCHOOL', 'LA')),
    officer                varchar(100) not null,
    issued_on              date         not null,
    -- The improvement period: school weeks on the school's calendar, 3 to 6 (POLICY, legal-policy.dmn).
    period_start           date         not null,
    period_end             date         not null,
    period_weeks           int          not null check (period_weeks between 3 and 6),
    -- What sufficient improvement means (POLICY): at most this many qualifying sessions in the period.
    allowed_sessions       int          not null check (allowed_sessions >= 0),
    sufficient_improvement varchar(500) not null,
    policy_key             varchar(100) not null,
    policy_version         int          not null,
    attendance_record      text         not null,
    support_given          text         not null,
    support_available      text         not null,
    status                 varchar(12)  not null check (status in ('OPEN', 'IMPROVED', 'NOT_IMPROVED')),
    -- The register of the period compared with the policy when the period ended.
    sessions_in_period     int,
    qualifying_in_period   int,
    assessed_at            timestamptz,
    -- When not improved, a person says what follows: ask the LA for a penalty notice, or not (and why).
    next_step              varchar(30)  check (next_step in ('REQUEST_PENALTY_NOTICE', 'NO_REQUEST')),
    next_step_reason       text,
    next_step_by           varchar(100),
    next_step_at           timestamptz,
    process_instance_id    varchar(64),
    created_at             timestamptz  not null,
    check (period_end >= period_start)
);
create index legal_nti_pupil on legal_notice_to_improve (pupil_id, issued_on);
create index legal_nti_case on legal_notice_to_improve (case_id);

-- Each parent with parental responsibility who lives with the pupil receives the notice.
create table legal_notice_to_improve_parent (
    id          bigserial primary key,
    notice_id   uuid         not null references legal_notice_to_improve (id),
    parent_name varchar(200) not null,
    address     varchar(500),
    email       varchar(254)
);
create index legal_nti_parent_notice on legal_notice_to_improve_parent (notice_id);

create table legal_penalty_request (
    id                    uuid primary key,
    case_id               uuid         references attendance_case (id),
    pupil_id              bigint       not null references pupil (id),
    upn                   varchar(13)  not null,
    school_urn            varchar(7)   not null references school (urn),
    la_code               varchar(3)   not null,
    route                 varchar(30)  not null check (route in ('NOT_IMPROVED_AFTER_NOTICE', 'TERM_TIME_HOLIDAY')),
    notice_to_improve_id  uuid         references legal_notice_to_improve (id),
    period_from           date         not null,
    period_to             date         not null,
    -- A term-time holiday: the pupil's first school day back, and the LA's deadline for the request (POLICY).
    holiday_return_date   date,
    request_deadline      date,
    late                  boolean      not null default false,
    deadline_policy_version int,
    school_statement      text         not null,
    status                varchar(30)  not null check (status in ('SUBMITTED', 'MORE_INFORMATION_REQUESTED',
                                        'APPROVED', 'REFUSED')),
    requested_by          varchar(100) not null,
    requested_at          timestamptz  not null,
    information_requested text,
    information_supplied  text,
    decided_by            varchar(100),
    decided_at            timestamptz,
    decision_reasons      text,
    process_instance_id   varchar(64),
    check (period_to >= period_from)
);
create index legal_request_pupil on legal_penalty_request (pupil_id, requested_at);
create index legal_request_la on legal_penalty_request (la_code, status);

-- The parents the school asks notices for, as the school gave them, and what became of each.
create table legal_penalty_request_parent (
    id              bigserial primary key,
    request_id      uuid         not null references legal_penalty_request (id),
    parent_name     varchar(200) not null,
    address         varchar(500) not null,
    date_of_birth   date         not null,
    email           varchar(254),
    parent_key      varchar(260) not null,
    -- Filled when the LA approves: a notice, or none because this is the third occasion in three years.
    outcome         varchar(30)  check (outcome in ('NOTICE_ISSUED', 'THIRD_OCCASION')),
    earlier_notices int,
    notice_id       uuid
);
create index legal_request_parent_request on legal_penalty_request_parent (request_id);

-- The qualifying sessions the request rests on, as the register held them when it was made.
create table legal_penalty_request_session (
    request_id uuid       not null references legal_penalty_request (id),
    mark_date  date       not null,
    session    varchar(2) not null check (session in ('AM', 'PM')),
    code       varchar(2) not null,
    primary key (request_id, mark_date, session)
);

-- The evidence gathered from the case: letters sent, meetings, support offered and the response, the Notice to
-- Improve; each with its date and where it came from.
create table legal_penalty_request_evidence (
    id         bigserial primary key,
    request_id uuid         not null references legal_penalty_request (id),
    kind       varchar(20)  not null check (kind in ('LETTER', 'MEETING', 'SUPPORT', 'NOTICE_TO_IMPROVE', 'OTHER')),
    on_date    date,
    text       text         not null
);
create index legal_request_evidence_request on legal_penalty_request_evidence (request_id);

create table legal_penalty_notice (
    id                    uuid primary key,
    number                varchar(24)  not null unique,
    request_id            uuid         not null references legal_penalty_request (id),
    case_id               uuid         references attendance_case (id),
    pupil_id              bigint       not null references pupil (id),
    upn                   varchar(13)  not null,
    school_urn            varchar(7)   not null references school (urn),
    la_code               varchar(3)   not null,
    parent_name           varchar(200) not null,
    parent_address        varchar(500) not null,
    parent_date_of_birth  date         not null,
    parent_email          varchar(254),
    parent_key            varchar(260) not null,
    -- The right to issue and the amounts (POLICY, penalty-notice-policy.dmn), as decided for this notice.
    occasion              int          not null check (occasion in (1, 2)),
    reduced_amount        numeric(8, 2),
    reduced_within_days   int,
    full_amount           numeric(8, 2) not null check (full_amount > 0),
    full_within_days      int          not null,
    policy_version        int          not null,
    issued_on             date         not null,
    issued_by             varchar(100) not null,
    -- Service: how and when the notice was posted or handed over, and the receipt date (POLICY, notice-service.dmn).
    service_method        varchar(20)  check (service_method in ('FIRST_CLASS_POST', 'SECOND_CLASS_POST', 'BY_HAND')),
    served_on             date,
    received_on           date,
    service_policy_version int,
    served_by             varchar(100),
    status                varchar(10)  not null check (status in ('ISSUED', 'PAID', 'UNPAID', 'WITHDRAWN', 'PROSECUTED')),
    paid_on               date,
    withdrawal_ground     varchar(40)  check (withdrawal_ground in ('NO_OFFENCE', 'OUTSIDE_CODE_OF_CONDUCT',
                                        'WRONG_PERSON_OR_ADDRESS', 'MATERIAL_ERROR')),
    withdrawal_reason     text,
    withdrawn_by          varchar(100),
    withdrawn_at          timestamptz,
    process_instance_id   varchar(64),
    created_at            timestamptz  not null,
    check (reduced_amount is null or reduced_amount < full_amount),
    check (status <> 'WITHDRAWN' or (withdrawal_ground is not null and withdrawal_reason is not null
                                     and withdrawn_by is not null))
);
create index legal_notice_counting on legal_penalty_notice (pupil_id, parent_key, issued_on);
create index legal_notice_la on legal_penalty_notice (la_code, status, issued_on);
create index legal_notice_upn on legal_penalty_notice (upn);

-- Notice numbers run per LA and calendar year (PN-881-2026-00001); taking the next one is one atomic update.
create table legal_notice_number (
    la_code     varchar(3) not null,
    year        int        not null,
    last_number int        not null,
    primary key (la_code, year)
);

-- The sessions a notice was issued for. A session serves one notice to a parent for a child; a withdrawn notice
-- gives its sessions back.
create table legal_notice_session (
    notice_id  uuid         not null references legal_penalty_notice (id),
    pupil_id   bigint       not null,
    parent_key varchar(260) not null,
    mark_date  date         not null,
    session    varchar(2)   not null check (session in ('AM', 'PM')),
    code       varchar(2)   not null,
    released   boolean      not null default false,
    primary key (notice_id, mark_date, session)
);
create unique index legal_notice_session_once on legal_notice_session (pupil_id, parent_key, mark_date, session)
    where not released;
create index legal_notice_session_pupil on legal_notice_session (pupil_id, mark_date);

create table legal_payment (
    id          bigserial primary key,
    notice_id   uuid          not null references legal_penalty_notice (id),
    amount      numeric(8, 2) not null check (amount > 0),
    paid_on     date          not null,
    reference   varchar(100)  not null,
    recorded_by varchar(100)  not null,
    recorded_at timestamptz   not null,
    unique (notice_id, reference)
);

create table legal_attendance_contract (
    id                   uuid primary key,
    case_id              uuid         references attendance_case (id),
    pupil_id             bigint       not null references pupil (id),
    upn                  varchar(13)  not null,
    school_urn           varchar(7)   not null references school (urn),
    la_code              varchar(3)   not null,
    offered_by           varchar(6)   not null check (offered_by in ('SCHOOL', 'LA')),
    parties              text         not null,
    parent_commitments   text         not null,
    provider_commitments text         not null,
    support_offered      text         not null,
    starts_on            date         not null,
    status               varchar(10)  not null check (status in ('OFFERED', 'AGREED', 'DECLINED', 'ENDED')),
    outcome              varchar(20)  check (outcome in ('KEPT', 'NOT_KEPT', 'DECLINED', 'ENDED_EARLY')),
    outcome_notes        text,
    outcome_by           varchar(100),
    outcome_at           timestamptz,
    officer              varchar(100) not null,
    created_at           timestamptz  not null
);
create index legal_contract_pupil on legal_attendance_contract (pupil_id);

create table legal_contract_review (
    id          bigserial primary key,
    contract_id uuid         not null references legal_attendance_contract (id),
    review_on   date         not null,
    held_at     timestamptz,
    notes       text,
    held_by     varchar(100)
);
create index legal_contract_review_contract on legal_contract_review (contract_id, review_on);

-- Before prosecuting, the LA must consider applying for an education supervision order (Education Act 1996 s.447).
create table legal_eso_consideration (
    id            uuid primary key,
    case_id       uuid         references attendance_case (id),
    pupil_id      bigint       not null references pupil (id),
    upn           varchar(13)  not null,
    la_code       varchar(3)   not null,
    considered_on date         not null,
    decision      varchar(10)  not null check (decision in ('APPLY', 'NOT_APPLY')),
    reasons       text         not null,
    officer       varchar(100) not null,
    created_at    timestamptz  not null
);
create index legal_eso_pupil on legal_eso_consideration (pupil_id);

create table legal_prosecution (
    id                      uuid primary key,
    case_id                 uuid         references attendance_case (id),
    pupil_id                bigint       not null references pupil (id),
    upn                     varchar(13)  not null,
    school_urn              varchar(7)   not null references school (urn),
    la_code                 varchar(3)   not null,
    notice_id               uuid         references legal_penalty_notice (id),
    parent_name             varchar(200) not null,
    parent_address          varchar(500),
    parent_date_of_birth    date,
    parent_key              varchar(260) not null,
    eso_consideration_id    uuid         references legal_eso_consideration (id),
    offence                 varchar(8)   check (offence in ('S444_1', 'S444_1A')),
    interview_on            date,
    interview_by            varchar(100),
    interview_notes         text,
    route                   varchar(8)   check (route in ('SJP', 'HEARING')),
    court                   varchar(200),
    laid_on                 date,
    laid_by                 varchar(100),
    status                  varchar(12)  not null check (status in ('PREPARING', 'AT_COURT', 'CONCLUDED', 'STOPPED')),
    outcome                 varchar(24)  check (outcome in ('FINE', 'CONDITIONAL_DISCHARGE', 'PARENTING_ORDER',
                                          'WITHDRAWN', 'NOT_GUILTY')),
    fine_amount             numeric(8, 2),
    outcome_on              date,
    outcome_by              varchar(100),
    stopped_reason          text,
    -- The notice was paid while a court date was set: the LA must withdraw the case at court.
    paid_withdraw_case      boolean      not null default false,
    officer                 varchar(100) not null,
    process_instance_id     varchar(64),
    created_at              timestamptz  not null,
    check (offence is distinct from 'S444_1A' or interview_on is not null),
    check (outcome is distinct from 'FINE' or fine_amount > 0)
);
create index legal_prosecution_pupil on legal_prosecution (pupil_id);
create index legal_prosecution_notice on legal_prosecution (notice_id);

create table legal_court_date (
    id             bigserial primary key,
    prosecution_id uuid         not null references legal_prosecution (id),
    hearing_on     date         not null,
    kind           varchar(10)  not null check (kind in ('SET', 'ADJOURNED')),
    note           text,
    recorded_by    varchar(100) not null,
    recorded_at    timestamptz  not null
);
create index legal_court_date_prosecution on legal_court_date (prosecution_id, hearing_on);
