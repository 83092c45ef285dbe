-- Each stage a case entered and when (module: casework), written with the stage change itself, so that the time
-- cases spend in each stage and what followed an intervention can be measured. Closing is the stage CLOSED.
create table case_stage_history (
    id         bigserial   primary key,
    case_id    uuid        not null references attendance_case (id),
    stage      varchar(30) not null,
    entered_at timestamptz not null
);
create index case_stage_history_case_idx on case_stage_history (case_id, entered_at, id);
create index case_stage_history_stage_idx on case_stage_history (stage, entered_at);

-- Cases opened before this table: the stage changes their timelines recorded, and the opening stage at opening
-- when the timeline records no change (otherwise the stage a case opened at is not known).
insert into case_stage_history (case_id, stage, entered_at)
select e.case_id,
       case when e.name = 'Case closed' then 'CLOSED'
            else trim(substring(e.name from position(': ' in e.name) + 2)) end,
       e.at
from case_event e
where e.kind = 'STAGE'
  and (e.name like 'Stage: %' or e.name like 'Handed over to the legal stages: %' or e.name = 'Case closed');
insert into case_stage_history (case_id, stage, entered_at)
select c.id, c.stage, c.opened_at from attendance_case c
where not exists (select 1 from case_stage_history h where h.case_id = c.id);
