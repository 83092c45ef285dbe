-- First-day contact and N marks still unresolved (module: attendance).
-- unexplained_last_day: the last day of the current run of unexplained absence (the day a letter names as the most
-- recent absence). unresolved_*: N marks this year before the current run (loaded late for an earlier day, or left
-- when a run ended), which the school has 5 school days to replace with a reason. morning_pending: an N this
-- morning loaded while the morning register was still open; counted once the register closes (MorningRegisterSweep).
alter table attendance_snapshot
    add column unexplained_last_day date,
    add column unresolved_sessions  int not null default 0,
    add column unresolved_from      date,
    add column unresolved_to        date,
    add column morning_pending      boolean not null default false;
create index attendance_snapshot_morning_pending_idx on attendance_snapshot (as_of) where morning_pending;
