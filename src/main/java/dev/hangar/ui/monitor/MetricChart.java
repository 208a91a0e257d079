package dev.hangar.ui.monitor;

import dev.hangar.monitor.MetricSeries;
import dev.hangar.monitor.MetricWindow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * One chart of the monitor: time on the x axis (HH:mm, local time) over the metrics window, one
 * line per series, and a note over it when there is nothing to draw.
 */
final class MetricChart {

    /** A line to draw: its legend name and its points, each value mapped (e.g. bytes to a rate). */
    record Line(String name, MetricSeries series, DoubleUnaryOperator map) {
        Line(String name, MetricSeries series) {
            this(name, series, v -> v);
        }
    }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    /** Beyond this many points per line the dots hide the line. */
    private static final int MAX_POINTS_WITH_SYMBOLS = 30;

    private final NumberAxis time = new NumberAxis();
    private final NumberAxis values = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(time, values);
    private final Label empty = new Label();
    private final StackPane pane = new StackPane(chart, empty);
    private final ZoneId zone;

    /** @param percent a fixed 0–100 % axis; otherwise it fits the data */
    MetricChart(String id, String title, boolean percent, boolean legend, ZoneId zone) {
        this.zone = zone;
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false); // redrawn every refresh: an animation would only flicker
        chart.setLegendVisible(legend);
        chart.getStyleClass().add("metric-chart");
        time.setAutoRanging(false);
        time.setMinorTickVisible(false);
        time.setForceZeroInRange(false);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number millis) {
                return HH_MM.format(Instant.ofEpochMilli(millis.longValue()).atZone(zone));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        if (percent) {
            values.setAutoRanging(false);
            values.setLowerBound(0);
            values.setUpperBound(100);
            values.setTickUnit(25);
            values.setLabel("%");
        }
        values.setMinorTickVisible(false);
        empty.setId(id + "-note");
        empty.getStyleClass().add("chart-empty");
        empty.setWrapText(true);
        empty.setMaxWidth(280);
        empty.setMouseTransparent(true);
        pane.setMinSize(0, 0);
        chart.setMinSize(0, 0);
    }

    StackPane node() {
        return pane;
    }

    LineChart<Number, Number> chart() {
        return chart;
    }

    void setValueLabel(String label) {
        values.setLabel(label);
    }

    /**
     * Draws the lines over the window ending at {@code end}; when none has a point, shows {@code whenEmpty}.
     * The axis starts on a round time, so its ticks read 10:00, 10:10, … rather than 09:37, 09:47.
     */
    void show(List<Line> lines, MetricWindow window, Instant end, String whenEmpty) {
        long tick = tickMillis(window);
        long offset = zone.getRules().getOffset(end).getTotalSeconds() * 1000L;
        long from = end.minus(window.length()).toEpochMilli();
        long lower = Math.floorDiv(from + offset, tick) * tick - offset;
        time.setLowerBound(lower);
        time.setUpperBound(end.toEpochMilli());
        time.setTickUnit(tick);
        int most = 0;
        List<XYChart.Series<Number, Number>> data = new ArrayList<>();
        for (Line line : lines) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(line.name());
            MetricSeries m = line.series();
            for (int i = 0; i < m.size(); i++) {
                s.getData().add(new XYChart.Data<>(m.timestamps().get(i).toEpochMilli(), line.map().applyAsDouble(m.values().get(i))));
            }
            most = Math.max(most, m.size());
            data.add(s);
        }
        chart.setCreateSymbols(most <= MAX_POINTS_WITH_SYMBOLS);
        chart.getData().setAll(data);
        empty.setText(most == 0 ? whenEmpty : "");
        empty.setVisible(most == 0);
    }

    /** Nothing selected, or nothing to chart for it. */
    void clear(String message) {
        chart.getData().clear();
        empty.setText(message);
        empty.setVisible(true);
    }

    private static long tickMillis(MetricWindow window) {
        return switch (window) {
            case LAST_HOUR -> 10 * 60_000L;
            case LAST_6_HOURS -> 60 * 60_000L;
            case LAST_24_HOURS -> 3 * 60 * 60_000L;
        };
    }
}
