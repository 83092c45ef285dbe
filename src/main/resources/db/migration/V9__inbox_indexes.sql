-- The inbox joins each open task to its case by process instance (a page's cases, filters on school and stage,
-- sorting by priority): without this index every lookup scans all cases of every year.
create index attendance_case_process_instance_idx on attendance_case (process_instance_id);
