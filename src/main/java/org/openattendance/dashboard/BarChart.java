package org.openattendance.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars (e.g. absence by reason), drawn on the server as inline SVG with presentation attributes only.
 * The page gives the figures as a table under the chart.
 */
final class BarChart {

    static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 250;
    private static final int VALUE_WIDTH = 60;
    private static final int BAR_HEIGHT = 20;
    private static final int GAP = 8;

    record Bar(String label, int value, double y, double width, double textY, String colour) {
    }

    private final List<Bar> bars;

    private BarChart(List<Bar> bars) {
        this.bars = bars;
    }

    record Item(String label, int value, String colour) {
    }

    static BarChart of(List<Item> items) {
        int max = items.stream().mapToInt(Item::value).max().orElse(0);
        double room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        var bars = new ArrayList<Bar>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            double y = i * (BAR_HEIGHT + GAP);
            double width = max == 0 ? 0 : Math.max(1, Math.round(room * item.value() / max * 10) / 10.0);
            bars.add(new Bar(cut(item.label(), 38), item.value(), y, width, y + BAR_HEIGHT - 5, item.colour()));
        }
        return new BarChart(List.copyOf(bars));
    }

    public List<Bar> bars() {
        return bars;
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    public int height() {
        return Math.max(BAR_HEIGHT, bars.size() * (BAR_HEIGHT + GAP));
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + height();
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int barHeight() {
        return BAR_HEIGHT;
    }

    public double valueX(Bar bar) {
        return LABEL_WIDTH + bar.width() + 6;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
