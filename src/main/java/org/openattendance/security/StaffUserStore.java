package org.openattendance.security;

import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The users table, with their roles and schools. */
@Repository
public class StaffUserStore implements UserDetailsService {

    private final JdbcTemplate jdbc;

    StaffUserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StaffUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    @Transactional(readOnly = true)
    public Optional<StaffUser> find(String username) {
        List<StaffUser> users = jdbc.query("select username, password_hash, display_name, la_code, enabled, email, security_stamp from app_user where username = ?",
                (rs, i) -> {
                    var roles = EnumSet.noneOf(Role.class);
                    jdbc.queryForList("select role from app_user_role where username = ?", String.class, username)
                            .forEach(r -> roles.add(Role.valueOf(r)));
                    var schools = new HashSet<>(jdbc.queryForList(
                            "select school_urn from app_user_school where username = ?", String.class, username));
                    return new StaffUser(rs.getString(1), rs.getString(2), rs.getString(3), roles, schools,
                            rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getLong(7));
                }, username);
        return users.stream().findFirst();
    }

    /** The name a user is shown by, if they have one: one query, for pages that name the people in a list. */
    Optional<String> displayName(String username) {
        return jdbc.queryForList("select display_name from app_user where username = ?", String.class, username).stream()
                .filter(name -> name != null && !name.isBlank()).findFirst();
    }

    /** Every user, by username: three queries whatever the number of users. */
    @Transactional(readOnly = true)
    public List<StaffUser> all() {
        var roles = new HashMap<String, Set<Role>>();
        jdbc.query("select username, role from app_user_role", (ResultSet rs) -> {
            roles.computeIfAbsent(rs.getString(1), u -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
        });
        var schools = new HashMap<String, Set<String>>();
        jdbc.query("select username, school_urn from app_user_school", (ResultSet rs) -> {
            schools.computeIfAbsent(rs.getString(1), u -> new HashSet<>()).add(rs.getString(2));
        });
        return jdbc.query("select username, password_hash, display_name, la_code, enabled, email, security_stamp from app_user order by username",
                (rs, i) -> new StaffUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        roles.getOrDefault(rs.getString(1), Set.of()), schools.getOrDefault(rs.getString(1), Set.of()),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getLong(7)));
    }

    /**
     * The stamp of an enabled user as the table holds it now; empty when the user is disabled or gone. One indexed
     * read: every signed-in page request asks it.
     */
    public Optional<Long> currentStamp(String username) {
        return jdbc.queryForList("select security_stamp from app_user where username = ? and enabled", Long.class,
                username).stream().findFirst();
    }

    /**
     * Whether a school of this LA may name the user as a pupil's social worker: an enabled user with the social
     * worker role whose LA is this one, or who has no LA (then every LA's schools may name them).
     */
    public boolean isSocialWorkerFor(String username, String laCode) {
        Integer count = jdbc.queryForObject("""
                select count(*) from app_user u join app_user_role r on r.username = u.username
                where u.username = ? and r.role = 'SOCIAL_WORKER' and u.enabled and (u.la_code is null or u.la_code = ?)""",
                Integer.class, username, laCode);
        return count != null && count > 0;
    }

    /** The e-mail address of an enabled user, if they have one. */
    public Optional<String> emailOf(String username) {
        return jdbc.queryForList("select email from app_user where username = ? and enabled and email is not null",
                String.class, username).stream().findFirst();
    }

    /** The e-mail addresses of the enabled users with this role in this LA (e.g. its Virtual School Head). */
    public List<String> emailsOf(Role role, String laCode) {
        return jdbc.queryForList("""
                select u.email from app_user u join app_user_role r on r.username = u.username
                where r.role = ? and u.la_code = ? and u.enabled and u.email is not null order by u.username""",
                String.class, role.name(), laCode);
    }

    public List<String> usernames() {
        return jdbc.queryForList("select username from app_user order by username", String.class);
    }

    public List<String> passwordHashes() {
        return jdbc.queryForList("select password_hash from app_user", String.class);
    }

    @Transactional
    public void save(StaffUser user) {
        jdbc.update("""
                insert into app_user (username, password_hash, display_name, la_code, enabled, email)
                values (?, ?, ?, ?, ?, ?)
                on conflict (username) do update set password_hash = excluded.password_hash,
                  display_name = excluded.display_name, la_code = excluded.la_code, enabled = excluded.enabled,
                  email = excluded.email""",
                user.username(), user.passwordHash(), user.displayName(), user.laCode(), user.enabled(), user.email());
        // Only the roles and schools that changed: each row written moves the user's security stamp (V22), which
        // ends their sessions, and saving a user's e-mail address should not do that.
        String[] roles = user.roles().stream().map(Enum::name).toArray(String[]::new);
        jdbc.update("delete from app_user_role where username = ? and role <> all(?::varchar[])", user.username(), roles);
        jdbc.update("insert into app_user_role (username, role) select ?, r from unnest(?::varchar[]) r on conflict do nothing",
                user.username(), roles);
        String[] schools = user.schools().toArray(String[]::new);
        jdbc.update("delete from app_user_school where username = ? and school_urn <> all(?::varchar[])", user.username(), schools);
        jdbc.update("insert into app_user_school (username, school_urn) select ?, s from unnest(?::varchar[]) s on conflict do nothing",
                user.username(), schools);
    }
}
