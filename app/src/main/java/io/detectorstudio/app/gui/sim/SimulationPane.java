package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.detectorstudio.app.gui.Icons;
import io.detectorstudio.editor.diagram.DiagramHighlight;
import io.detectorstudio.engine.io.AtomicFiles;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.simulator.session.Breakpoint;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The simulation workbench on one {@link Session}: the input stepper, clock controls (advance by a duration, run
 * to the next timer, play at a speed), stepping (step back, step, continue), breakpoints, the instances with the
 * selected one's variables, timers and watches, the emitted actions with their payloads, and a timeline. The trace
 * view is a separate node ({@link #traceView()}) for its own tab. {@link #highlightProperty()} is what the diagram
 * should show: the selected instance's state and the transition its last cycle took.
 */
public final class SimulationPane extends SplitPane {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final SimulationModel model;
    private final DetectorModel detectorModel;
    private final InputStepper stepper;
    private final WatchTable watch;
    private final ActionPreview actions;
    private final TimelineChart timeline;
    private final TraceView trace;
    private final ListView<InstanceState> instanceList = new ListView<>();
    private final ListView<Breakpoint> breakpointList = new ListView<>();
    private final ObjectProperty<DiagramHighlight> highlight = new SimpleObjectProperty<>(DiagramHighlight.NONE);
    private final Label clock = new Label();
    private final Label status = new Label();
    private final TextField advanceBy = new TextField("1m");
    private final ToggleButton play = new ToggleButton("Play", Icons.of("mdi2p-play"));
    private final ChoiceBox<Integer> speed = new ChoiceBox<>();
    private final Timeline player;

    /**
     * @param request the model as the engine reads it (request tree)
     */
    public SimulationPane(ObjectNode request, DetectorModel detectorModel, List<Input> inputs, long startMillis) {
        this(request, List.of(), detectorModel, inputs, startMillis);
    }

    /** @param companions the project's other models, run beside this one (issue 14 item 9) */
    public SimulationPane(ObjectNode request, List<ObjectNode> companions, DetectorModel detectorModel,
                          List<Input> inputs, long startMillis) {
        this.detectorModel = detectorModel;
        List<String> inputNames = inputs.stream().map(Input::inputName).distinct().toList();
        Session session = new Session(Session.Config.of(request).withCompanions(companions).withInputs(inputNames)
                .withStart(startMillis));
        this.model = new SimulationModel(session);
        this.stepper = new InputStepper(model, InputFields.of(detectorModel, inputs));
        this.watch = new WatchTable(model);
        this.actions = new ActionPreview(model);
        this.timeline = new TimelineChart(model, detectorModel.states().stream().map(State::stateName).toList(),
                startMillis);
        this.trace = new TraceView(model);
        setId("simulation");

        instanceList.setId("instance-list");
        instanceList.setItems(model.instances());
        instanceList.setPrefHeight(90);
        instanceList.setMinHeight(56);
        instanceList.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(InstanceState s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : (s.keyValue() == null ? "(no key)" : s.keyValue()) + " — " + s.stateName());
            }
        });
        instanceList.setPlaceholder(new Label("No instance"));
        instanceList.getSelectionModel().selectedItemProperty().addListener((obs, old, s) -> {
            if (s != null) {
                model.selectedKeyProperty().set(s.keyValue());
            }
        });

        clock.setId("sim-clock");
        status.setId("sim-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        advanceBy.setId("advance-by");
        advanceBy.setPrefColumnCount(6);
        advanceBy.setTooltip(new Tooltip("90 (seconds), 30s, 5m, 1h30m or PT2M"));
        Button advance = button("Advance", "mdi2c-clock-fast", "advance", "Advance virtual time by the duration (Ctrl+T)");
        advance.setOnAction(e -> advance());
        advanceBy.setOnAction(e -> advance());
        Button nextTimer = button("Next timer", "mdi2t-timer-outline", "next-timer", "Run to the next timer (Ctrl+Shift+T)");
        nextTimer.setOnAction(e -> model.runToNextTimer());
        speed.getItems().setAll(1, 10, 60, 600);
        speed.setValue(10);
        speed.setTooltip(new Tooltip("Virtual seconds per real second"));
        player = new Timeline(new KeyFrame(Duration.millis(250), e -> model.advanceBy(250L * speed.getValue())));
        player.setCycleCount(Timeline.INDEFINITE);
        play.setId("play");
        play.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                player.play();
            } else {
                player.stop();
            }
            watch.setEditable(!on);
            play.setGraphic(Icons.of(on ? "mdi2p-pause" : "mdi2p-play"));
        });
        Button back = button("Back", "mdi2s-step-backward", "step-back", "Step back one cycle (F7)");
        back.setOnAction(e -> model.stepBack());
        Button step = button("Step", "mdi2s-step-forward", "step", "Step one cycle (F8)");
        step.setOnAction(e -> model.stepForward());
        Button cont = button("Continue", "mdi2p-playlist-play", "continue", "Run to the next breakpoint (F9)");
        cont.setOnAction(e -> model.resume());

        FlowPane clockBar = new FlowPane(4, 4, advanceBy, advance, nextTimer, play, speed);
        FlowPane stepBar = new FlowPane(4, 4, back, step, cont);
        clockBar.setAlignment(Pos.CENTER_LEFT);

        breakpointList.setId("breakpoints");
        breakpointList.setPrefHeight(70);
        breakpointList.setPlaceholder(new Label("Right-click a state or event in the outline to break"));
        breakpointList.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Breakpoint b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : SimulationModel.describe(b));
            }
        });
        breakpointList.setOnKeyPressed(e -> {
            Breakpoint b = breakpointList.getSelectionModel().getSelectedItem();
            if (b != null && (e.getCode() == javafx.scene.input.KeyCode.DELETE || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE)) {
                removeBreakpoint(b);
            }
        });

        VBox left = new VBox(6, titled("Send a message", stepper), titled("Clock", new VBox(4, clock, clockBar)),
                titled("Step", new VBox(4, stepBar, breakpointList)), status);
        left.setPadding(new Insets(4));
        javafx.scene.control.ScrollPane leftScroll = new javafx.scene.control.ScrollPane(left);
        leftScroll.setFitToWidth(true);
        VBox middle = new VBox(4, new Label("Instances"), instanceList, new Label("Variables, timers and watches"), watch);
        VBox.setVgrow(watch, Priority.ALWAYS);
        middle.setPadding(new Insets(4));
        SplitPane right = new SplitPane(actions, timeline);
        right.setOrientation(Orientation.VERTICAL);
        getItems().addAll(leftScroll, middle, right);
        setDividerPositions(0.3, 0.55);

        model.instances().addListener((javafx.collections.ListChangeListener<InstanceState>) c -> updateHighlight());
        model.selectedKeyProperty().addListener(o -> updateHighlight());
        model.lastTransitionProperty().addListener(o -> updateHighlight());
        model.nowProperty().addListener(o -> updateClock());
        model.positionProperty().addListener(o -> updateClock());
        updateClock();
    }

    private static Button button(String text, String icon, String id, String tip) {
        Button b = new Button(text, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static TitledPane titled(String title, javafx.scene.Node content) {
        TitledPane p = new TitledPane(title, content);
        p.setCollapsible(false);
        return p;
    }

    private void updateClock() {
        clock.setText("Virtual time " + java.time.Instant.ofEpochMilli(model.nowProperty().get())
                + "   cycle " + model.positionProperty().get().cycle() + " of " + model.session().cycleCount());
    }

    private void updateHighlight() {
        InstanceState s = model.selected();
        if (s == null) {
            highlight.set(DiagramHighlight.NONE);
            return;
        }
        ObjectNode record = model.session().currentRecord();
        boolean sameInstance = record != null && java.util.Objects.equals(
                record.hasNonNull("keyValue") ? record.get("keyValue").asText() : null, s.keyValue());
        highlight.set(new DiagramHighlight(Set.of(s.stateName()), sameInstance ? model.lastTransitionProperty().get() : null));
        if (instanceList.getSelectionModel().getSelectedItem() != s) {
            instanceList.getSelectionModel().select(s);
        }
    }

    public void advance() {
        try {
            model.advanceBy(Durations.parseMillis(advanceBy.getText()));
        } catch (IllegalArgumentException e) {
            model.statusProperty().set(e.getMessage());
        }
    }

    public SimulationModel model() {
        return model;
    }

    public ObjectProperty<DiagramHighlight> highlightProperty() {
        return highlight;
    }

    public TraceView traceView() {
        return trace;
    }

    public InputStepper stepper() {
        return stepper;
    }

    public WatchTable watch() {
        return watch;
    }

    public ActionPreview actions() {
        return actions;
    }

    public TimelineChart timeline() {
        return timeline;
    }

    public void addBreakpoint(Breakpoint b) {
        model.addBreakpoint(b);
        breakpointList.getItems().add(b);
    }

    public void removeBreakpoint(Breakpoint b) {
        model.session().removeBreakpoint(b);
        breakpointList.getItems().remove(b);
    }

    public List<Breakpoint> breakpoints() {
        return List.copyOf(breakpointList.getItems());
    }

    /** Stops the player (the window closes or the model changes). */
    public void stop() {
        play.setSelected(false);
        player.stop();
    }

    /**
     * Saves the session's history as a scenario at {@code target}; the model is referenced by a path relative to
     * the scenario when it is saved on disk ({@code modelFile} not null), else embedded.
     */
    public void saveScenario(Path target, Path modelFile, String name) throws IOException {
        JsonNode modelRef = modelFile == null ? model.session().config().model()
                : TextNode.valueOf(relative(target.toAbsolutePath().getParent(), modelFile.toAbsolutePath()));
        ObjectNode scenario = model.recordScenario(name, modelRef);
        AtomicFiles.write(target, (PRETTY.writeValueAsString(scenario) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        model.statusProperty().set("Saved scenario " + target.getFileName());
    }

    private static String relative(Path from, Path to) {
        return from.relativize(to).toString().replace('\\', '/');
    }
}
