-- A version stamp on each user that changes whenever what they may do changes: roles, schools, LA, enabled or
-- password. A signed-in session remembers the stamp it started with and ends when it differs (checked on every
-- request), so a user demoted, moved or disabled loses the old rights at once, on every node. Triggers keep the
-- stamp, so a change made straight in the database counts as well.
alter table app_user add column security_stamp bigint not null default 1;

create function app_user_stamp_on_change() returns trigger language plpgsql as $$
begin
    if new.password_hash is distinct from old.password_hash or new.la_code is distinct from old.la_code
            or new.enabled is distinct from old.enabled then
        new.security_stamp := old.security_stamp + 1;
    end if;
    return new;
end $$;

create trigger app_user_stamp before update on app_user
    for each row execute function app_user_stamp_on_change();

create function app_user_scope_stamp() returns trigger language plpgsql as $$
begin
    update app_user set security_stamp = security_stamp + 1
     where username = case when tg_op = 'DELETE' then old.username else new.username end;
    return null;
end $$;

create trigger app_user_role_stamp after insert or update or delete on app_user_role
    for each row execute function app_user_scope_stamp();
create trigger app_user_school_stamp after insert or update or delete on app_user_school
    for each row execute function app_user_scope_stamp();
