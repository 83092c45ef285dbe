-- The audit trail answers "who looked at this pupil?" and "what did this user do?", refusals included.
-- pupil_upn names the pupil an event concerns (a read of their record, a refused attempt); outcome says whether
-- the action was allowed or refused; client_address is where the request came from (behind the LA's proxy, the
-- address it forwarded).
alter table audit_event add column pupil_upn varchar(13);
alter table audit_event add column outcome varchar(10) not null default 'ALLOWED';
alter table audit_event add column client_address varchar(45);

update audit_event set pupil_upn = subject_id
 where subject_type in ('pupil', 'case', 'leave-request') and subject_id ~ '^[A-Z][0-9]{11}[0-9A-Z]$';

create index audit_event_pupil_idx on audit_event (pupil_upn, occurred_at) where pupil_upn is not null;
create index audit_event_user_idx on audit_event (username, occurred_at);
