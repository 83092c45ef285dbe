-- One request for penalty notices per pupil may be with the LA at a time (submitted, or waiting for the school's
-- further information), whichever node the school's two requests reach.
create unique index legal_request_one_open on legal_penalty_request (pupil_id)
    where status in ('SUBMITTED', 'MORE_INFORMATION_REQUESTED');
