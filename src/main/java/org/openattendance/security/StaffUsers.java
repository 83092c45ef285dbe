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
public class StaffUsers implements UserDetailsService {

    private final JdbcTemplate jdbc;

    StaffUsers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StaffUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    @Transactional(readOnly = true)
    public Optional<StaffUser> find(String username) {
        List<StaffUser> users = jdbc.query("select username, password_hash, display_name, la_code, enabled from app_user where username = ?",
                (rs, i) -> {
                    var roles = EnumSet.noneOf(Role.class);
                    jdbc.queryForList("select role from app_user_role where username = ?", String.class, username)
                            .forEach(r -> roles.add(Role.valueOf(r)));
                    var schools = new HashSet<>(jdbc.queryForList(
                            "select school_urn from app_user_school where username = ?", String.class, username));
                    return new StaffUser(rs.getString(1), rs.getString(2), rs.getString(3), roles, schools,
                            rs.getString(4), rs.getBoolean(5));
                }, username);
        return users.stream().findFirst();
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
        return jdbc.query("select username, password_hash, display_name, la_code, enabled from app_user order by username",
                (rs, i) -> new StaffUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        roles.getOrDefault(rs.getString(1), Set.of()), schools.getOrDefault(rs.getString(1), Set.of()),
                        rs.getString(4), rs.getBoolean(5)));
    }

    public boolean hasRole(String username, Role role) {
        Integer count = jdbc.queryForObject("select count(*) from app_user_role where username = ? and role = ?",
                Integer.class, username, role.name());
        return count != null && count > 0;
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
                insert into app_user (username, password_hash, display_name, la_code, enabled) values (?, ?, ?, ?, ?)
                on conflict (username) do update set password_hash = excluded.password_hash,
                  display_name = excluded.display_name, la_code = excluded.la_code, enabled = excluded.enabled""",
                user.username(), user.passwordHash(), user.displayName(), user.laCode(), user.enabled());
        jdbc.update("delete from app_user_role where username = ?", user.username());
        jdbc.update("delete from app_user_school where username = ?", user.username());
        user.roles().forEach(r -> jdbc.update("insert into app_user_role (username, role) values (?, ?)", user.username(), r.name()));
        user.schools().forEach(s -> jdbc.update("insert into app_user_school (username, school_urn) values (?, ?)", user.username(), s));
    }
}
