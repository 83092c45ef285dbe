-- Letters to parents, the templates they come from, and the outbox that e-mails them.

-- An LA's own version of a letter (la_code set), or a national version (la_code null) that replaces the default
-- shipped in src/main/resources/letters. The body is a Thymeleaf HTML fragment.
create table letter_template (
    id           bigserial primary key,
    template_key varchar(60)  not null,
    la_code      varchar(3) references local_authority (code),
    subject      varchar(300) not null,
    body         text         not null,
    updated_at   timestamptz  not null default now(),
    updated_by   varchar(100) not null,
    unique nulls not distinct (template_key, la_code)
);

-- One row per letter issued. step_key is unique: a case step never issues its letter twice.
create table letter (
    id                  uuid primary key,
    step_key            varchar(200) not null unique,
    template_key        varchar(60)  not null,
    -- Which version of the template was used: the LA's, the national row, or the shipped default (both null).
    template_la_code    varchar(3),
    template_updated_at timestamptz,
    case_id             uuid,
    pupil_id            bigint       not null references pupil (id),
    upn                 varchar(13)  not null,
    school_urn          varchar(7)   not null references school (urn),
    la_code             varchar(3)   not null,
    subject             varchar(300) not null,
    html                text         not null,
    pdf                 bytea        not null,
    created_at          timestamptz  not null default now()
);
create index letter_pupil on letter (pupil_id);
create index letter_case on letter (case_id);

-- Every parent with parental responsibility: e-mailed when they have an address, otherwise listed for printing.
create table letter_recipient (
    id          bigserial primary key,
    letter_id   uuid         not null references letter (id),
    parent_name varchar(200) not null,
    email       varchar(320),
    channel     varchar(5)   not null check (channel in ('EMAIL', 'PRINT')),
    address     text
);
create index letter_recipient_letter on letter_recipient (letter_id);

-- One e-mail to send. Claimed by any node with "for update skip locked"; SENT only once the mail server took it.
create table outbox_message (
    id              bigserial primary key,
    letter_id       uuid         not null references letter (id),
    recipient       varchar(320) not null,
    subject         varchar(300) not null,
    status          varchar(7)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);
create index outbox_message_due on outbox_message (next_attempt_at) where status = 'PENDING';
create index outbox_message_status on outbox_message (status, created_at);
