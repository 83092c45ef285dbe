-- One node at a time for scheduled jobs through ShedLock (its standard table); it replaces the home-made lease.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
drop table scheduled_lease;

-- The nodes that are running: each writes its heartbeat every few seconds; one silent for 30 s is taken for dead.
create table application_node (
    id           varchar(64)  primary key,
    host         varchar(255) not null,
    started_at   timestamptz  not null default now(),
    heartbeat_at timestamptz  not null default now()
);

-- Which node delivers each event publication: the node that wrote it (every connection of a node sets
-- openattendance.node), or the node that resubmitted it (claimed_at). A dead node's incomplete publications are
-- resubmitted within a minute; a live node's only when they are older than the resubmission's older-than, since
-- their first delivery may still be running.
alter table event_publication
    add column node       varchar(64) default current_setting('openattendance.node', true),
    add column claimed_at timestamptz;
