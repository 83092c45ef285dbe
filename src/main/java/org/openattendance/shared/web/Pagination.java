package org.openattendance.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The GOV.UK pagination component's model: previous and next links, the first and last page, the current page and
 * its neighbours, and an ellipsis for each gap.
 */
public record Pagination(String previous, String next, List<Item> items) {

    /** A page number (href set), or an ellipsis (number 0). */
    public record Item(int number, String href, boolean current) {
        public boolean ellipsis() {
            return number == 0;
        }
    }

    /** Null when there is only one page. */
    public static Pagination of(int current, int pages, IntFunction<String> href) {
        if (pages <= 1) {
            return null;
        }
        var items = new ArrayList<Item>();
        int last = 0;
        for (int page = 1; page <= pages; page++) {
            if (page == 1 || page == pages || Math.abs(page - current) <= 1) {
                if (page > last + 1) {
                    items.add(new Item(0, null, false));
                }
                items.add(new Item(page, href.apply(page), page == current));
                last = page;
            }
        }
        return new Pagination(current > 1 ? href.apply(current - 1) : null,
                current < pages ? href.apply(current + 1) : null, items);
    }
}
