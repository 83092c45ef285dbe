package org.openattendance.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openattendance.shared.web.SvgChart;
import org.openattendance.shared.web.SvgChart.XLabel;

/**
 * A line chart of a percentage by school week, drawn on the server as inline SVG with presentation attributes only
 * (which the content security policy allows). Weeks without a figure are left out. The page gives the figures as a
 * table under the chart.
 */
final class LineChart {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    record Point(double x, double y, LocalDate monday, BigDecimal value) {
    }

    record GridLine(double y, String label, boolean marked) {
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
        var points = new ArrayList<Point>();
        for (int n = 0; n < known.size(); n++) {
            int i = known.get(n);
            points.add(new Point(SvgChart.x(n, known.size()), SvgChart.y(values.get(i).doubleValue(), floor, ceiling),
                    mondays.get(i), values.get(i)));
        }
        var grid = new ArrayList<GridLine>();
        int lines = (ceiling - floor) / step;
        int every = Math.max(1, (int) Math.ceil(lines / 6.0));
        for (int value = floor; value <= ceiling; value += step * every) {
            grid.add(new GridLine(SvgChart.y(value, floor, ceiling), value + "%", marked != null && value == marked));
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
        return SvgChart.line(points, Point::x, Point::y);
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
        return SvgChart.xLabels(points, Point::x, p -> SHORT.format(p.monday()));
    }
}
