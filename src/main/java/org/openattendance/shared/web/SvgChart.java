package org.openattendance.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The geometry the server-drawn line charts share (inline SVG with presentation attributes only, which the content
 * security policy allows): a 640 by 240 drawing with the plot inside its margins, points spread evenly across it,
 * the polyline through them and a few x-axis labels that never overlap. Each chart keeps its own points and grid.
 */
public final class SvgChart {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    public static final int LEFT = 48;
    public static final int RIGHT = 16;
    public static final int TOP = 12;
    public static final int BOTTOM = 36;
    private static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final double PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    /** A label under the x axis; the first is anchored at its start and the last at its end, to stay inside the chart. */
    public record XLabel(double x, String text, String anchor) {
    }

    private SvgChart() {
    }

    /** Where point {@code n} of {@code count} stands across the plot; a lone point stands in the middle. */
    public static double x(int n, int count) {
        return round(LEFT + (count == 1 ? PLOT_WIDTH / 2 : PLOT_WIDTH * n / (count - 1)));
    }

    /** Where {@code value} stands on a y axis running from {@code floor} at the bottom to {@code ceiling} at the top. */
    public static double y(double value, double floor, double ceiling) {
        return round(TOP + PLOT_HEIGHT * (ceiling - value) / (ceiling - floor));
    }

    /** The polyline's points attribute. */
    public static <P> String line(List<P> points, ToDoubleFunction<P> x, ToDoubleFunction<P> y) {
        return points.stream().map(p -> x.applyAsDouble(p) + "," + y.applyAsDouble(p)).collect(Collectors.joining(" "));
    }

    /** A few x-axis labels that never overlap: the first point, the last, and some between. */
    public static <P> List<XLabel> xLabels(List<P> points, ToDoubleFunction<P> x, Function<P, String> text) {
        var chosen = new ArrayList<P>();
        int step = Math.max(1, (int) Math.ceil(points.size() / 5.0));
        for (int i = 0; i < points.size() - step / 2; i += step) {
            chosen.add(points.get(i));
        }
        if (!points.isEmpty() && !chosen.contains(points.get(points.size() - 1))) {
            chosen.add(points.get(points.size() - 1));
        }
        var labels = new ArrayList<XLabel>();
        for (int i = 0; i < chosen.size(); i++) {
            P p = chosen.get(i);
            String anchor = chosen.size() == 1 ? "middle" : i == 0 ? "start" : i == chosen.size() - 1 ? "end" : "middle";
            labels.add(new XLabel(x.applyAsDouble(p), text.apply(p), anchor));
        }
        return labels;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
