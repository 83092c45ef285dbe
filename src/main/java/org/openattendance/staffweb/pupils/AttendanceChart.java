package org.openattendance.staffweb.pupils;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.openattendance.staffweb.shell.Labels;

/**
 * The geometry of the attendance chart, drawn server-side as inline SVG (presentation attributes only, which the
 * content security policy allows): cumulative attendance % at the end of each school week, with a line at the
 * persistent absence threshold (90 % attendance). The page also gives the figures as a table.
 */
final class AttendanceChart {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM");

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 48;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 36;

    /** One week's point, with its label for the table and the x axis. */
    record Point(double x, double y, LocalDate date, String label, BigDecimal percent) {
    }

    /** A label under the x axis; the first is anchored at its start and the last at its end, to stay inside the chart. */
    record XLabel(double x, String text, String anchor) {
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
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        var points = new ArrayList<Point>();
        for (int i = 0; i < withFigures.size(); i++) {
            var week = withFigures.get(i);
            double x = LEFT + (withFigures.size() == 1 ? plotWidth / 2 : plotWidth * i / (withFigures.size() - 1));
            double y = TOP + plotHeight * (100 - week.percentToDate().doubleValue()) / (100 - floor);
            points.add(new Point(round(x), round(y), week.monday(), Labels.DAY.format(week.monday()), week.percentToDate()));
        }
        var grid = new ArrayList<GridLine>();
        for (int value = floor; value <= 100; value += 10) {
            grid.add(new GridLine(round(TOP + plotHeight * (100 - value) / (100 - floor)), value + "%", value == 90));
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
        return points.stream().map(p -> p.x() + "," + p.y()).collect(Collectors.joining(" "));
    }

    /** A few x axis labels: the first week, the last and some between, so they never overlap. */
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
            labels.add(new XLabel(p.x(), SHORT.format(p.date()), anchor));
        }
        return labels;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
