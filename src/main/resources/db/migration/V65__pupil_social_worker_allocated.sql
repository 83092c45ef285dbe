-- When an administrator last allocated the pupil to a social worker's caseload or took them off it (module: school).
-- While set, an upload of pupils from the school's MIS leaves the pupil's social worker as the administrator set it
-- (the upload's answer says so), so a caseload set by hand is never silently lost to the next nightly upload.
alter table pupil add column social_worker_allocated_at timestamptz;
