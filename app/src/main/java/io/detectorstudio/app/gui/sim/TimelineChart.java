package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * States and numeric variables of the selected instance over virtual time (seconds since the session start), from
 * the trace records: the state as a step line on its own index (named on the axis), each numeric variable as a line.
 */
public final class TimelineChart extends LineChart<Number, Number> {

    private final SimulationModel model;
    private final long start;
    private final List<String> states;

    TimelineChart(SimulationModel model, List<String> states, long startMillis) {
        super(new NumberAxis(), new NumberAxis());
        this.model = model;
        this.start = startMillis;
        this.states = states;
        setId("timeline");
        setAnimated(false);
        setCreateSymbols(true);
        getXAxis().setLabel("virtual time (s)");
        ((NumberAxis) getYAxis()).setForceZeroInRange(true);
        setLegendVisible(true);
        model.trace().addListener((javafx.collections.ListChangeListener<ObjectNode>) c -> refresh());
        model.selectedKeyProperty().addListener(o -> refresh());
        ((NumberAxis) getYAxis()).setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.toString();
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
    }

    /** The series now shown, by name ("state" first). */
    Map<String, List<double[]>> points() {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (XYChart.Series<Number, Number> s : getData()) {
            List<double[]> pts = new ArrayList<>();
            s.getData().forEach(d -> pts.add(new double[] {d.getXValue().doubleValue(), d.getYValue().doubleValue()}));
            out.put(s.getName(), pts);
        }
        return out;
    }

    void refresh() {
        String key = model.selectedKeyProperty().get();
        XYChart.Series<Number, Number> state = new XYChart.Series<>();
        state.setName("state (" + String.join(" / ", states.stream().map(s -> states.indexOf(s) + "=" + s).toList()) + ")");
        Map<String, XYChart.Series<Number, Number>> vars = new LinkedHashMap<>();
        Double lastState = null;
        for (ObjectNode r : model.trace()) {
            String k = r.hasNonNull("keyValue") ? r.get("keyValue").asText() : null;
            if (key != null && !key.equals(k)) {
                continue;
            }
            double t = (Instant.parse(r.path("time").asText()).toEpochMilli() - start) / 1000.0;
            JsonNode st = r.path("state");
            double index = states.indexOf(st.path("stateName").asText());
            if (lastState != null && lastState != index) {
                state.getData().add(new XYChart.Data<>(t, lastState));
            }
            state.getData().add(new XYChart.Data<>(t, index));
            lastState = index;
            st.path("variables").fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    vars.computeIfAbsent(e.getKey(), n -> {
                        XYChart.Series<Number, Number> s = new XYChart.Series<>();
                        s.setName(n);
                        return s;
                    }).getData().add(new XYChart.Data<>(t, e.getValue().asDouble()));
                }
            });
        }
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        all.add(state);
        all.addAll(vars.values());
        getData().setAll(all);
    }
}
