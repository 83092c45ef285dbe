package org.openattendance.legal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Penalty notice numbers, running per LA and calendar year: PN-881-2026-00001. Taking the next number is one
 * atomic statement in the issuing transaction: the counter's row stays locked until that transaction ends, so two
 * nodes never hand out the same number, and a rolled-back issue leaves no gap.
 */
@Component
class NoticeNumbers {

    private final JdbcTemplate jdbc;

    NoticeNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String next(String laCode, int year) {
        Integer number = jdbc.queryForObject("""
                insert into legal_notice_number (la_code, year, last_number) values (?, ?, 1)
                on conflict (la_code, year) do update set last_number = legal_notice_number.last_number + 1
                returning last_number""", Integer.class, laCode, year);
        return String.format("PN-%s-%d-%05d", laCode, year, number);
    }
}
