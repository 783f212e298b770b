package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.app.gui.BackgroundWork;
import io.detectorstudio.app.gui.Icons;
import io.detectorstudio.editor.diagram.DiagramHighlight;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.engine.model.State;
import io.detectorstudio.simulator.session.Breakpoint;
import io.detectorstudio.simulator.session.InstanceState;
import io.detectorstudio.simulator.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The simulation workbench on one {@link Session}: the input stepper, clock controls (advance by a duration, run
 * to the next timer, play at a speed), stepping (step back, step, continue), breakpoints, the instances with the
 * selected one's variables, timers and watches, the emitted actions with their payloads, and a timeline. The trace
 * view is a separate node ({@link #traceView()}) for its own tab. {@link #highlightProperty()} is what the diagram
 * should show: the selected instance's state and the transition its last cycle took. The state and commands are
 * the {@link SimulationViewModel}'s ({@link #model()}); this class only lays out and binds.
 */
public final class SimulationPane extends BorderPane {

    private final SimulationViewModel model;
    private final InputStepper stepper;
    private final WatchTable watch;
    private final ActionPreview actions;
    private final TimelineChart timeline;
    private final TraceView trace;
    private final ListView<InstanceState> instanceList = new ListView<>();
    private final ListView<Breakpoint> breakpointList = new ListView<>();
    private final Label clock = new Label();
    private final Label status = new Label();
    private final TextField advanceBy = new TextField("1m");
    private final ToggleButton play = new ToggleButton("Play", Icons.of("mdi2p-play"));
    private final ChoiceBox<Integer> speed = new ChoiceBox<>();
    private final Timeline player;
    private final TabPane right;

    /**
     * @param request the model as the engine reads it (request tree)
     */
    public SimulationPane(ObjectNode request, DetectorModel detectorModel, List<Input> inputs, long startMillis,
                          BackgroundWork worker) {
        this(request, List.of(), detectorModel, inputs, startMillis, worker);
    }

    /**
     * @param companions the project's other models, run beside this one (issue 14 item 9)
     * @param worker     the window's serial lane for the session's runs (the session is not thread-safe)
     */
    public SimulationPane(ObjectNode request, List<ObjectNode> companions, DetectorModel detectorModel,
                          List<Input> inputs, long startMillis, BackgroundWork worker) {
        List<String> inputNames = inputs.stream().map(Input::inputName).distinct().toList();
        Session session = new Session(Session.Config.of(request).withCompanions(companions).withInputs(inputNames)
                .withStart(startMillis));
        this.model = new SimulationViewModel(session, worker);
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
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(model.statusProperty());
        // a stop at a breakpoint stands out; the theme colours it (no rule without a theme)
        status.textProperty().addListener((obs, old, text) -> {
            boolean stopped = SimulationTexts.isStop(text);
            status.getStyleClass().remove(atlantafx.base.theme.Styles.WARNING);
            if (stopped) {
                status.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
            }
            status.setGraphic(stopped ? Icons.of("mdi2b-bug") : null);
        });
        advanceBy.setId("advance-by");
        advanceBy.setPrefColumnCount(6);
        advanceBy.setTooltip(new Tooltip("90 (seconds), 30s, 5m, 1h30m or PT2M"));
        Button advance = button("Advance", "mdi2c-clock-fast", "advance", "Advance virtual time by the duration (Ctrl+T)");
        advance.setOnAction(e -> advance());
        advanceBy.setOnAction(e -> advance());
        Button nextTimer = button("Next timer", "mdi2t-timer-outline", "next-timer", "Run to the next timer (Ctrl+Shift+T)");
        nextTimer.setOnAction(e -> model.runToNextTimer());
        speed.getItems().setAll(1, 10, 60, 600);
        speed.setValue(model.speedProperty().get());
        speed.valueProperty().addListener((obs, old, v) -> model.speedProperty().set(v));
        speed.setTooltip(new Tooltip("Virtual seconds per real second"));
        // each tick advances on the worker; a tick while the last one still runs is skipped
        player = new Timeline(new KeyFrame(Duration.millis(250), e -> model.playTick()));
        player.setCycleCount(Timeline.INDEFINITE);
        play.setId("play");
        play.selectedProperty().bindBidirectional(model.playingProperty());
        model.playingProperty().addListener((obs, was, on) -> {
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
        cont.setOnAction(e -> model.resume()); // while running: Pause
        model.runningProperty().addListener((obs, was, on) -> {
            cont.setText(on ? "Pause" : "Continue");
            cont.setGraphic(Icons.of(on ? "mdi2p-pause" : "mdi2p-playlist-play"));
        });

        // one toolbar for running, stepping and the clock, above the columns: always in view, whatever the height
        javafx.scene.control.Separator sep1 = new javafx.scene.control.Separator(Orientation.VERTICAL);
        javafx.scene.control.Separator sep2 = new javafx.scene.control.Separator(Orientation.VERTICAL);
        FlowPane toolbar = new FlowPane(4, 4, back, step, cont, sep1, advanceBy, advance, nextTimer, play, speed, sep2, clock);
        toolbar.setId("sim-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 8, 0, 8));
        breakpointList.setId("breakpoints");
        breakpointList.setItems(model.breakpoints());
        breakpointList.setPrefHeight(70);
        Label noBreakpoint = new Label("Right-click a state in the diagram, or a state or event in the outline, to break");
        noBreakpoint.setWrapText(true);
        breakpointList.setPlaceholder(noBreakpoint);
        breakpointList.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Breakpoint b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : SimulationTexts.describe(b));
            }
        });
        breakpointList.setOnKeyPressed(e -> {
            Breakpoint b = breakpointList.getSelectionModel().getSelectedItem();
            if (b != null && (e.getCode() == javafx.scene.input.KeyCode.DELETE || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE)) {
                model.removeBreakpoint(b);
            }
        });

        VBox left = new VBox(6, titled("Send a message", stepper), titled("Breakpoints", breakpointList));
        left.setPadding(new Insets(4));
        javafx.scene.control.ScrollPane leftScroll = new javafx.scene.control.ScrollPane(left);
        leftScroll.setFitToWidth(true);
        VBox middle = new VBox(4, new Label("Instances"), instanceList, new Label("Variables, timers and watches"), watch);
        VBox.setVgrow(watch, Priority.ALWAYS);
        middle.setPadding(new Insets(4));
        // the watch table keeps two whole rows (theme.css); where the workbench is shorter than that, it scrolls
        javafx.scene.control.ScrollPane middleScroll = new javafx.scene.control.ScrollPane(middle);
        middleScroll.setFitToWidth(true);
        middleScroll.setFitToHeight(true);
        // actions and timeline each get the column's whole height
        Tab actionsTab = new Tab("Actions", actions);
        actionsTab.setId("sim-actions-tab");
        Tab timelineTab = new Tab("Timeline", timeline);
        timelineTab.setId("sim-timeline-tab");
        timelineTab.selectedProperty().addListener((obs, was, on) -> timeline.setShown(on));
        right = new TabPane(actionsTab, timelineTab);
        right.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane columns = new SplitPane(leftScroll, middleScroll, right);
        columns.setDividerPositions(0.32, 0.65);
        // what just happened (sent, advanced, stopped at a breakpoint) heads the workbench, not its bottom edge
        HBox statusBar = new HBox(status);
        statusBar.setId("sim-status-bar");
        statusBar.setPadding(new Insets(2, 8, 4, 8));
        statusBar.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        setTop(new VBox(2, toolbar, statusBar));
        setCenter(columns);

        // one refresh per published state, however many observables it changed
        model.published().addListener(o -> clock.setText(model.clockText()));
        model.highlightProperty().addListener(o -> selectInstance());
        clock.setText(model.clockText());
        clock.setTooltip(new Tooltip("Virtual time at the cycle shown"));
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

    /** The list shows the selected instance selected. */
    private void selectInstance() {
        InstanceState s = model.selected();
        if (s != null && instanceList.getSelectionModel().getSelectedItem() != s) {
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

    public SimulationViewModel model() {
        return model;
    }

    public ReadOnlyObjectProperty<DiagramHighlight> highlightProperty() {
        return model.highlightProperty();
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

    /** Shows the timeline (or, false, the actions) in the right column. */
    public void showTimeline(boolean timelineShown) {
        right.getSelectionModel().select(timelineShown ? 1 : 0);
    }

    public void addBreakpoint(Breakpoint b) {
        model.addBreakpoint(b);
    }

    public void removeBreakpoint(Breakpoint b) {
        model.removeBreakpoint(b);
    }

    public List<Breakpoint> breakpoints() {
        return List.copyOf(model.breakpoints());
    }

    /** Stops the player and any run (the window closes or the model changes). */
    public void stop() {
        model.pause();
        player.stop();
    }

    /** Saves the session's history as a scenario ({@link ScenarioSaver#save}). */
    public void saveScenario(Path target, Path modelFile, List<Path> companionFiles, String name) throws IOException {
        ScenarioSaver.save(model, target, modelFile, companionFiles, name);
    }
}
