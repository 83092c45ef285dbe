package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LA's register of penalty notices, for its pages, its CSV export and dashboards: notices by status, school and
 * date of issue, and the figures over a period. Unchecked: callers put the caller's scope in the filter.
 */
@Service
public class PenaltyNoticeRegister {

    /**
     * A filter of the register. Null fields match anything; {@code schools} null means every school of the LA.
     * {@code from} and {@code to} bound the date of issue, both included.
     */
    public record Filter(String laCode, PenaltyNoticeStatus status, Collection<String> schools, LocalDate from,
                         LocalDate to) {
    }

    /**
     * Figures over a filter: notices by status, how many were first and second occasions, and the money paid in
     * (all payments on the notices in the filter, whatever their status).
     */
    public record Figures(int issued, Map<PenaltyNoticeStatus, Integer> byStatus, int firstOccasions,
                          int secondOccasions, BigDecimal amountPaid) {
        public int count(PenaltyNoticeStatus status) {
            return byStatus.getOrDefault(status, 0);
        }
    }

    private final PenaltyNoticeStore store;

    PenaltyNoticeRegister(PenaltyNoticeStore store) {
        this.store = store;
    }

    /** The notices matching the filter, newest first, with their payments and sessions. */
    @Transactional(readOnly = true)
    public List<PenaltyNotice> notices(Filter filter) {
        return store.matching(filter.laCode(), filter.status(), filter.schools(), filter.from(), filter.to());
    }

    @Transactional(readOnly = true)
    public Figures figures(Filter filter) {
        var notices = notices(filter);
        var byStatus = new EnumMap<PenaltyNoticeStatus, Integer>(PenaltyNoticeStatus.class);
        notices.forEach(n -> byStatus.merge(n.status(), 1, Integer::sum));
        int first = (int) notices.stream().filter(n -> n.terms().occasion() == 1).count();
        BigDecimal paid = notices.stream().map(PenaltyNotice::totalPaid).reduce(Money.ZERO, BigDecimal::add);
        return new Figures(notices.size(), Map.copyOf(byStatus), first, notices.size() - first, paid);
    }
}
