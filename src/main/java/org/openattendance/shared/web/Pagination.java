package org.openattendance.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.openattendance.shared.InvalidInputException;

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

    /** The page number asked for: 1 when none is given; a clear error unless it is a whole number from 1. */
    public static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new InvalidInputException("page must be a whole number from 1, not '" + page + "'");
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
