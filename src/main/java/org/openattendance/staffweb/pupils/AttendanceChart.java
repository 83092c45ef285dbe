package org.openattendance.staffweb.pupils;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.openattendance.shared.web.SvgChart;
import org.openattendance.shared.web.SvgChart.XLabel;
import org.openattendance.staffweb.shell.Labels;

/**
 * The geometry of the attendance chart, drawn server-side as inline SVG (presentation attributes only, which the
 * content security policy allows): cumulative attendance % at the end of each school week, with a line at the
 * persistent absence threshold (90 % attendance). The page also gives the figures as a table.
 */
final class AttendanceChart {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM");

    /** One week's point, with its label for the table and the x axis. */
    record Point(double x, double y, LocalDate date, String label, BigDecimal percent) {
    }

    /** A horizontal grid line with its label. */
    record GridLine(double y, String label, boolean threshold) {
    }

    private final List<Point> points;
    private final List<GridLine> grid;

    private AttendanceChart(List<Point> points, List<GridLine> grid) {
        this.points = points;
        this.grid = grid;
    }

    static AttendanceChart of(List<RegisterCalendar.Week> weeks) {
        var withFigures = weeks.stream().filter(w -> w.percentToDate() != null).toList();
        double lowest = withFigures.stream().mapToDouble(w -> w.percentToDate().doubleValue()).min().orElse(100);
        // The y axis starts at a multiple of 10 below the lowest point (and never above 80) so that small changes show.
        int floor = (int) Math.min(80, Math.floor(lowest / 10) * 10);
        var points = new ArrayList<Point>();
        for (int i = 0; i < withFigures.size(); i++) {
            var week = withFigures.get(i);
            points.add(new Point(SvgChart.x(i, withFigures.size()), SvgChart.y(week.percentToDate().doubleValue(), floor, 100),
                    week.monday(), Labels.DAY.format(week.monday()), week.percentToDate()));
        }
        var grid = new ArrayList<GridLine>();
        for (int value = floor; value <= 100; value += 10) {
            grid.add(new GridLine(SvgChart.y(value, floor, 100), value + "%", value == 90));
        }
        return new AttendanceChart(List.copyOf(points), List.copyOf(grid));
    }

    public List<Point> points() {
        return points;
    }

    public List<GridLine> grid() {
        return grid;
    }

    /** The polyline's points attribute. */
    public String line() {
        return SvgChart.line(points, Point::x, Point::y);
    }

    /** A few x axis labels: the first week, the last and some between, so they never overlap. */
    public List<XLabel> xLabels() {
        return SvgChart.xLabels(points, Point::x, p -> SHORT.format(p.date()));
    }
}
