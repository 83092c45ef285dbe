-- Token buckets for rate limits that every node shares (Bucket4j's PostgreSQL "select for update" store): failed
-- sign-ins per account and per client address, requests to the public leave-request page. id names the limit and
-- its key (e.g. "sign-in-account:jo.smith"); state is Bucket4j's own encoding; expires_at (milliseconds since
-- 1970) is when the bucket would be full again, after which the row can go.
create table rate_limit_bucket (
    id         varchar(300) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);
