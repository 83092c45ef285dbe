package org.openattendance.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A line chart of a percentage by school week, drawn on the server as inline SVG with presentation attributes only
 * (which the content security policy allows). Weeks without a figure are left out. The page gives the figures as a
 * table under the chart.
 */
final class LineChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    record Point(double x, double y, LocalDate monday, BigDecimal value) {
    }

    record GridLine(double y, String label, boolean marked) {
    }

    record XLabel(double x, String text, String anchor) {
    }

    private final List<Point> points;
    private final List<GridLine> grid;
    private final String title;

    private LineChart(String title, List<Point> points, List<GridLine> grid) {
        this.title = title;
        this.points = points;
        this.grid = grid;
    }

    /**
     * @param values one per week, null where the week has no figure
     * @param low    the lowest value the axis shows at least (it goes lower if a point does), in steps of {@code step}
     * @param high   the highest value the axis shows at least (it goes higher if a point does)
     * @param marked a value whose grid line is drawn as a threshold (e.g. 90 % attendance), or null
     */
    static LineChart of(String title, List<LocalDate> mondays, List<BigDecimal> values, int low, int high, int step,
                        Integer marked) {
        var known = new ArrayList<Integer>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                known.add(i);
            }
        }
        double min = known.stream().mapToDouble(i -> values.get(i).doubleValue()).min().orElse(low);
        double max = known.stream().mapToDouble(i -> values.get(i).doubleValue()).max().orElse(high);
        int floor = (int) Math.min(low, Math.floor(min / step) * step);
        int ceiling = (int) Math.max(high, Math.ceil(max / step) * step);
        if (ceiling == floor) {
            ceiling = floor + step;
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        var points = new ArrayList<Point>();
        for (int n = 0; n < known.size(); n++) {
            int i = known.get(n);
            double x = LEFT + (known.size() == 1 ? plotWidth / 2 : plotWidth * n / (known.size() - 1));
            double y = TOP + plotHeight * (ceiling - values.get(i).doubleValue()) / (ceiling - floor);
            points.add(new Point(round(x), round(y), mondays.get(i), values.get(i)));
        }
        var grid = new ArrayList<GridLine>();
        int lines = (ceiling - floor) / step;
        int every = Math.max(1, (int) Math.ceil(lines / 6.0));
        for (int value = floor; value <= ceiling; value += step * every) {
            grid.add(new GridLine(round(TOP + plotHeight * (ceiling - value) / (ceiling - floor)), value + "%",
                    marked != null && value == marked));
        }
        return new LineChart(title, List.copyOf(points), List.copyOf(grid));
    }

    public String title() {
        return title;
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    public List<Point> points() {
        return points;
    }

    public List<GridLine> grid() {
        return grid;
    }

    public String line() {
        return points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
    }

    /** '22 weeks; latest 94.1% in the week beginning 23 Nov.' for the chart's description. */
    public String description() {
        if (points.isEmpty()) {
            return "No figures yet.";
        }
        Point last = points.get(points.size() - 1);
        return points.size() + " weeks; latest " + last.value() + "% in the week beginning "
                + DashboardFormat.DATE.format(last.monday()) + ". The figures are in the table below.";
    }

    /** A few x-axis labels that never overlap: the first week, the last, and some between. */
    public List<XLabel> xLabels() {
        var chosen = new ArrayList<Point>();
        int step = Math.max(1, (int) Math.ceil(points.size() / 5.0));
        for (int i = 0; i < points.size() - step / 2; i += step) {
            chosen.add(points.get(i));
        }
        if (!points.isEmpty() && !chosen.contains(points.get(points.size() - 1))) {
            chosen.add(points.get(points.size() - 1));
        }
        var labels = new ArrayList<XLabel>();
        for (int i = 0; i < chosen.size(); i++) {
            Point p = chosen.get(i);
            String anchor = chosen.size() == 1 ? "middle" : i == 0 ? "start" : i == chosen.size() - 1 ? "end" : "middle";
            labels.add(new XLabel(p.x(), SHORT.format(p.monday()), anchor));
        }
        return labels;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
