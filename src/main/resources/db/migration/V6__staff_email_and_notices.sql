-- Staff e-mail addresses, and e-mails to staff through the same outbox as letters to parents.

alter table app_user add column email varchar(320);

-- A notice to a member of staff (e.g. a social worker told of an unexplained absence) is an e-mail without a letter,
-- like the parents' links of V5. notice_key makes each notice unique, so a retried step never e-mails twice.
alter table outbox_message add column notice_key varchar(200) unique;

-- The attendance signals each case has handled, so that a signal delivered again (an event publication resubmitted
-- after a failure) changes nothing.
create table case_signal_received (
    case_id     uuid         not null references attendance_case (id),
    signal_key  varchar(200) not null,
    received_at timestamptz  not null default now(),
    primary key (case_id, signal_key)
);

-- Leases for work that one node at a time must do (e.g. resubmitting incomplete event publications): a node takes
-- the lease by moving held_until forward, only when it has passed.
create table scheduled_lease (
    name       varchar(100) primary key,
    holder     varchar(200) not null,
    held_until timestamptz  not null
);
