package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The selected instance over virtual time (seconds since the session start), as step lines from
 * {@link TimelineSeries}: its state on a chart whose axis names the states, and its numeric variables on a chart
 * with a legend naming each line. Both reach the time shown.
 */
public final class TimelineChart extends VBox {

    private final SimulationViewModel model;
    private final long start;
    private final List<String> states;
    private final LineChart<Number, Number> stateChart;
    private final LineChart<Number, Number> variableChart;

    TimelineChart(SimulationViewModel model, List<String> states, long startMillis) {
        this.model = model;
        this.start = startMillis;
        this.states = states;
        setId("timeline");
        NumberAxis stateAxis = new NumberAxis(-0.5, Math.max(0, states.size() - 1) + 0.5, 1);
        stateAxis.setAutoRanging(false);
        stateAxis.setMinorTickVisible(false);
        stateAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double d = n.doubleValue();
                int i = (int) Math.round(d);
                return d == i && i >= 0 && i < states.size() ? states.get(i) : "";
            }

            @Override
            public Number fromString(String s) {
                return states.indexOf(s);
            }
        });
        stateChart = chart(stateAxis, "timeline-states");
        stateChart.setLegendVisible(false);
        stateChart.getXAxis().setLabel(null); // the variables' chart below names the time axis
        stateChart.setPrefHeight(36 * Math.max(2, states.size()) + 60);
        stateChart.setMinHeight(120);
        NumberAxis valueAxis = new NumberAxis();
        valueAxis.setForceZeroInRange(true);
        variableChart = chart(valueAxis, "timeline-variables");
        variableChart.setLegendVisible(true);
        variableChart.setMinHeight(110);
        VBox.setVgrow(variableChart, Priority.ALWAYS);
        getChildren().addAll(stateChart, variableChart);
        // the lines are drawn again from the whole trace: only when shown, once per published state
        model.published().addListener(o -> refreshIfShown());
        model.selectedKeyProperty().addListener(o -> refreshIfShown());
    }

    private static LineChart<Number, Number> chart(NumberAxis y, String id) {
        NumberAxis x = new NumberAxis();
        x.setLabel("virtual time (s)");
        x.setForceZeroInRange(true);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setId(id);
        c.setAnimated(false);
        c.setCreateSymbols(false); // step corners are not samples
        c.setAxisSortingPolicy(LineChart.SortingPolicy.NONE); // a jump is two points at one time, in order
        return c;
    }

    public LineChart<Number, Number> stateChart() {
        return stateChart;
    }

    public LineChart<Number, Number> variableChart() {
        return variableChart;
    }

    /** The lines now shown, by name ("state" first), as (t, y) pairs. */
    Map<String, List<double[]>> points() {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (LineChart<Number, Number> chart : List.of(stateChart, variableChart)) {
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                List<double[]> pts = new ArrayList<>();
                s.getData().forEach(d -> pts.add(new double[] {d.getXValue().doubleValue(), d.getYValue().doubleValue()}));
                out.put(s.getName(), pts);
            }
        }
        return out;
    }

    private boolean stale = true;
    private boolean shown;

    /** Whether the chart is in view (its tab selected): hidden, it only notes that its lines are out of date. */
    void setShown(boolean shown) {
        this.shown = shown;
        if (shown && stale) {
            refresh();
        }
    }

    private void refreshIfShown() {
        stale = true;
        if (shown) {
            refresh();
        }
    }

    void refresh() {
        stale = false;
        TimelineSeries.Lines lines = TimelineSeries.of(model.trace().stream().map(TraceRow::record).toList(), model.selectedKeyProperty().get(), states,
                start, model.nowProperty().get());
        stateChart.getData().setAll(List.of(series("state", lines.state())));
        List<XYChart.Series<Number, Number>> vars = new ArrayList<>();
        lines.variables().forEach((name, points) -> vars.add(series(name, points)));
        variableChart.getData().setAll(vars);
    }

    private static XYChart.Series<Number, Number> series(String name, List<TimelineSeries.Point> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        points.forEach(p -> s.getData().add(new XYChart.Data<>(p.t(), p.y())));
        return s;
    }
}
