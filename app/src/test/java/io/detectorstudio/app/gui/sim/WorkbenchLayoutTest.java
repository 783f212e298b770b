package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.app.gui.FxBackgroundWork;
import io.detectorstudio.app.gui.RealTheme;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.model.Input;
import io.detectorstudio.simulator.session.Breakpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench at the sizes it is used at (the bottom of a 1024–1366 px wide window): nothing a user needs is cut
 * or pushed off, timers say their unit, an instance without variables is not called missing, the status heads the
 * pane, the timeline has a legend and step lines, and Play stops at a breakpoint. Under the theme users see.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchLayoutTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private SimulationPane show(FxRobot robot, Path model, List<Path> inputFiles, double width, double height)
            throws Exception {
        LoadedModel loaded = new ModelLoader().load(model).model(null);
        List<Input> inputs = new ArrayList<>();
        for (Path f : inputFiles) {
            inputs.add(new ModelLoader().load(f).inputs().get(0).input());
        }
        SimulationPane[] pane = new SimulationPane[1];
        robot.interact(() -> {
            pane[0] = new SimulationPane(loaded.request(), loaded.model(), inputs, 0, FxBackgroundWork.serial("simulation-test"));
            stage.setScene(RealTheme.scene(pane[0], width, height));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return pane[0];
    }

    /** The device-heartbeat sample with one reading sent: an instance with its timer running. */
    private SimulationPane heartbeatWithOneReading(FxRobot robot) throws Exception {
        SimulationPane sim = show(robot, SAMPLES.resolve("device-heartbeat/model.json"), List.of(), 1280, 340);
        robot.interact(() -> {
            sim.stepper().setValue("value", "1");
            sim.stepper().send();
        });
        return sim;
    }

    private static void motorReadings(FxRobot robot, SimulationPane sim, String... pressures) {
        for (String pressure : pressures) {
            robot.interact(() -> {
                sim.stepper().setValue("motorid", "Fulton-A32");
                sim.stepper().setValue("sensorData.pressure", pressure);
                sim.stepper().send();
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void sendStaysInViewWhateverTheInputIsCalled(FxRobot robot) throws Exception {
        Path model = Path.of(getClass().getResource("long-input-name.json").toURI());
        SimulationPane sim = show(robot, model, List.of(), 1024, 340);
        screenshot(robot, "long-input-name.png");
        assertSendInView(robot, 1024);
        Button send = robot.lookup("#stepper-send").queryButton();
        robot.interact(() -> {
            sim.stepper().setValue("level", "9");
            send.fire();
        });
        assertThat(sim.model().instances()).singleElement().satisfies(i -> assertThat(i.stateName()).isEqualTo("Busy"));
    }

    @Test
    void anInstanceWithoutVariablesOrTimersIsNotCalledMissing(FxRobot robot) throws Exception {
        Path model = Path.of(getClass().getResource("long-input-name.json").toURI());
        SimulationPane sim = show(robot, model, List.of(), 1280, 340);
        assertThat(((Labeled) sim.watch().table().getPlaceholder()).getText()).startsWith("No instance yet");
        robot.interact(() -> {
            sim.stepper().setValue("level", "2");
            sim.stepper().send();
        });
        assertThat(sim.watch().table().getItems()).isEmpty();
        assertThat(((Labeled) sim.watch().table().getPlaceholder()).getText())
                .isEqualTo("The instance (Idle) has no variables and no timer running");
    }

    @Test
    void noColumnOrValueIsCutAtCommonWindowWidths(FxRobot robot) throws Exception {
        for (double width : new double[] {1024, 1280, 1366}) {
            SimulationPane sim = show(robot, SAMPLES.resolve("motor/model.json"),
                    List.of(SAMPLES.resolve("motor/inputs/PressureInput.json")), width, 360);
            motorReadings(robot, sim, "80", "90", "60");
            screenshot(robot, "workbench-" + (int) width + ".png");
            assertThat(sim.watch().table().getItems()).isNotEmpty();
            assertSendInView(robot, width);
            var lastAction = sim.model().actions().get(sim.model().actions().size() - 1);
            assertThat(robot.from(sim.actions().list()).lookup(".list-cell").<javafx.scene.control.ListCell<?>>queryAll())
                    .as("the newest action is in view at %s px", width)
                    .anySatisfy(c -> {
                        assertThat(c.getItem()).isSameAs(lastAction);
                        assertThat(c.isVisible()).isTrue();
                        Bounds cell = c.localToScene(c.getBoundsInLocal());
                        Bounds list = sim.actions().list().localToScene(sim.actions().list().getBoundsInLocal());
                        assertThat(cell.getMinY()).isGreaterThanOrEqualTo(list.getMinY());
                        assertThat(cell.getMaxY()).isLessThanOrEqualTo(list.getMaxY());
                    });
            assertThat(CutTexts.in(sim.watch())).as("watch table at %s px", width).isEmpty();
            assertThat(CutTexts.in(robot.lookup("#breakpoints").<Node>query())).as("breakpoint hint at %s px", width).isEmpty();
            Node stepper = robot.lookup(".input-stepper").query();
            assertThat(CutTexts.in(stepper)).as("input, attribute paths and kinds at %s px", width).isEmpty();
            assertThat(CutTexts.in(sim.actions().list())).as("actions at %s px", width).isEmpty();
            double columns = sim.watch().table().getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            assertThat(columns).as("watch columns fit at %s px", width)
                    .isLessThanOrEqualTo(sim.watch().table().getWidth());

            robot.interact(() -> {
                stage.setScene(RealTheme.scene(new javafx.scene.layout.StackPane(sim.traceView()), width, 300));
            });
            WaitForAsyncUtils.waitForFxEvents();
            var trace = sim.traceView().table();
            assertThat(trace.getItems()).hasSize(3);
            double traceColumns = trace.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            assertThat(traceColumns).as("trace columns fit at %s px", width).isLessThanOrEqualTo(trace.getWidth());
            List<String> headers = new ArrayList<>();
            robot.from(trace).lookup(".column-header .label").queryAll().forEach(n -> headers.addAll(CutTexts.in(n)));
            assertThat(headers).as("trace headers at %s px", width).isEmpty();
        }
    }

    @Test
    void timersCountDownWithTheirUnit(FxRobot robot) throws Exception {
        SimulationPane sim = heartbeatWithOneReading(robot);
        assertThat(sim.watch().table().getItems()).filteredOn(r -> r.kind().equals("timer"))
                .extracting(WatchTable.Row::value).containsExactly("5m");
        robot.interact(() -> sim.model().advanceBy(1_000));
        assertThat(sim.watch().table().getItems()).filteredOn(r -> r.kind().equals("timer"))
                .extracting(WatchTable.Row::value).containsExactly("4m 59s");
        assertThat(WatchTable.countdown(3_725)).isEqualTo("1h 2m 5s");
        assertThat(WatchTable.countdown(0)).isEqualTo("0s");
    }

    /** A tooltip is a popup window with a scene: the watch table's cells (made as a run first fills it) make none up front. */
    @Test
    void theWatchTablesCellsMakeTheirTooltipOnlyOnHover(FxRobot robot) throws Exception {
        SimulationPane sim = heartbeatWithOneReading(robot);
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.scene.control.TableCell<?, ?>> cells = robot.from(sim.watch().table()).lookup(".table-cell")
                .<javafx.scene.control.TableCell<?, ?>>queryAll().stream().toList();
        assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c.getTooltip()).as("no popup made up front").isNull());
        WatchTable.Row timer = sim.watch().table().getItems().stream().filter(r -> r.kind().equals("timer")).findFirst()
                .orElseThrow();
        var name = cells.stream().filter(c -> c.getItem() == timer).findFirst().orElseThrow();
        var value = cells.stream().filter(c -> "5m".equals(c.getItem())).findFirst().orElseThrow();
        robot.interact(() -> {
            javafx.event.Event.fireEvent(name, entered());
            javafx.event.Event.fireEvent(value, entered());
        });
        assertThat(name.getTooltip().getText()).as("the kind the icon stands for").isEqualTo("timer " + timer.name());
        assertThat(value.getTooltip().getText()).isEqualTo("5m");
    }

    /** The selected instance's variables stay readable where the workbench is short: two whole rows at least. */
    @Test
    void theWatchTableShowsTwoWholeRowsAtTheWorkbenchsUsualHeight(FxRobot robot) throws Exception {
        SimulationPane sim = show(robot, SAMPLES.resolve("motor/model.json"),
                List.of(SAMPLES.resolve("motor/inputs/PressureInput.json")), 1280, 300);
        motorReadings(robot, sim, "80");
        var table = sim.watch().table();
        double header = robot.from(table).lookup(".column-header-background").<javafx.scene.layout.Region>query().getHeight();
        javafx.scene.Node viewport = robot.from(table).lookup(".clipped-container").query();
        assertThat(viewport.getLayoutBounds().getHeight()).as("rows' area (header %s px, row %s px)", header,
                table.getFixedCellSize()).isGreaterThanOrEqualTo(2 * table.getFixedCellSize());
        screenshot(robot, "workbench-300.png");
    }

    /**
     * A run refreshes the watch table on every update: the same state published again changes nothing, and a new
     * value changes the row in place (replacing a table's items rebuilds its rows, which then swap places).
     */
    @Test
    void aRefreshChangesTheWatchTablesValuesInPlace(FxRobot robot) throws Exception {
        SimulationPane sim = heartbeatWithOneReading(robot);
        List<String> changes = new ArrayList<>();
        robot.interact(() -> sim.watch().table().getItems().addListener(
                (javafx.collections.ListChangeListener<WatchTable.Row>) c -> changes.add(c.toString())));
        WatchTable.Row timer = sim.watch().table().getItems().get(0);
        robot.interact(() -> sim.model().refresh());
        robot.interact(() -> sim.model().advanceBy(1_000));
        assertThat(changes).as("the rows stay the same ones").isEmpty();
        assertThat(sim.watch().table().getItems()).singleElement().isSameAs(timer);
        assertThat(timer.value()).as("the timer counted down").isEqualTo("4m 59s");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(sim.watch().table()).lookup(".table-cell").<javafx.scene.control.TableCell<?, ?>>queryAll())
                .as("the cell shows it").anySatisfy(c -> assertThat(c.getText()).isEqualTo("4m 59s"));
    }

    private static javafx.scene.input.MouseEvent entered() {
        return new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_ENTERED, 0, 0, 0, 0,
                javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false,
                false, null);
    }

    @Test
    void theStatusHeadsTheWorkbenchAndAStopStandsOut(FxRobot robot) throws Exception {
        SimulationPane sim = show(robot, SAMPLES.resolve("motor/model.json"),
                List.of(SAMPLES.resolve("motor/inputs/PressureInput.json")), 1280, 340);
        robot.interact(() -> sim.addBreakpoint(new Breakpoint.StateEntered("Dangerous")));
        motorReadings(robot, sim, "80");
        Labeled status = robot.lookup("#sim-status").queryLabeled();
        Node instances = robot.lookup("#instance-list").query();
        Node stepper = robot.lookup("#stepper-send").query();
        Bounds statusBounds = status.localToScene(status.getBoundsInLocal());
        assertThat(statusBounds.getMaxY()).as("status above the columns")
                .isLessThan(instances.localToScene(instances.getBoundsInLocal()).getMinY())
                .isLessThan(stepper.localToScene(stepper.getBoundsInLocal()).getMinY())
                .isLessThan(90);
        assertThat(statusBounds.getHeight()).isPositive();
        assertThat(status.getText()).startsWith("Breakpoint: entered Dangerous (Fulton-A32) at cycle 1");
        assertThat(status.getStyleClass()).contains("warning");
        assertThat(CutTexts.in(status)).isEmpty();
    }

    @Test
    void theTimelineHasALegendNamedStatesAndStepLines(FxRobot robot) throws Exception {
        SimulationPane sim = show(robot, SAMPLES.resolve("motor/model.json"),
                List.of(SAMPLES.resolve("motor/inputs/PressureInput.json")), 1280, 420);
        motorReadings(robot, sim, "80", "90", "60");
        robot.interact(() -> {
            sim.model().advanceBy(60_000);
            sim.showTimeline(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(robot, "timeline.png");
        TimelineChart timeline = sim.timeline();
        assertThat(timeline.variableChart().isLegendVisible()).isTrue();
        assertThat(robot.from(timeline.variableChart()).lookup(".chart-legend-item").queryAll())
                .extracting(n -> ((Labeled) n).getText()).containsExactly("pressureThresholdBreached");
        NumberAxis stateAxis = (NumberAxis) timeline.stateChart().getYAxis();
        assertThat(robot.from(stateAxis).lookup((Node n) -> n instanceof Text).queryAll())
                .extracting(n -> ((Text) n).getText()).contains("Normal", "Dangerous");
        List<double[]> variable = timeline.points().get("pressureThresholdBreached");
        for (int i = 1; i < variable.size(); i++) {
            double[] a = variable.get(i - 1), b = variable.get(i);
            assertThat(a[0] == b[0] || a[1] == b[1]).as("a step, not a slope").isTrue();
        }
        assertThat(variable.get(variable.size() - 1)[0]).as("reaches the time shown").isEqualTo(60.0);
    }

    @Test
    void playStopsAtABreakpoint(FxRobot robot) throws Exception {
        SimulationPane sim = show(robot, SAMPLES.resolve("device-heartbeat/model.json"), List.of(), 1280, 340);
        robot.interact(() -> {
            sim.stepper().setValue("value", "1");
            sim.stepper().send();
            sim.addBreakpoint(new Breakpoint.StateEntered("Offline"));
        });
        ToggleButton play = robot.lookup("#play").queryAs(ToggleButton.class);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            var speed = (javafx.scene.control.ChoiceBox<Integer>) robot.lookup(".choice-box").match(
                    n -> ((javafx.scene.control.ChoiceBox<?>) n).getItems().contains(600)).query();
            speed.setValue(600);
            play.setSelected(true);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !play.isSelected());
        assertThat(sim.model().selected().stateName()).isEqualTo("Offline");
        assertThat(sim.model().nowProperty().get()).isEqualTo(300_000);
        assertThat(robot.lookup("#sim-status").queryLabeled().getText()).startsWith("Breakpoint: entered Offline");
    }

    private static void assertSendInView(FxRobot robot, double width) {
        Button send = robot.lookup("#stepper-send").queryButton();
        ScrollPane left = (ScrollPane) ancestor(send, ScrollPane.class);
        Bounds sendBounds = send.localToScene(send.getBoundsInLocal());
        Bounds column = left.localToScene(left.getBoundsInLocal());
        assertThat(sendBounds.getMaxX()).as("Send's right edge within the left column at %s px", width)
                .isLessThanOrEqualTo(column.getMaxX());
        assertThat(left.getContent().getLayoutBounds().getWidth()).as("no horizontal scrolling at %s px", width)
                .isLessThanOrEqualTo(left.getViewportBounds().getWidth());
        assertThat(sendBounds.getMaxY()).as("Send within the left column's height, unscrolled, at %s px", width)
                .isLessThanOrEqualTo(column.getMaxY());
    }

    /** The workbench's bottom pane of an 800 px window (first start on a 1600 × 1000 screen) is about 250 px high. */
    @Test
    void sendIsInViewInTheBottomPaneOfASmallWindowWithoutScrolling(FxRobot robot) throws Exception {
        SimulationPane sim = show(robot, SAMPLES.resolve("motor/model.json"),
                List.of(SAMPLES.resolve("motor/inputs/PressureInput.json")), 1280, 250);
        screenshot(robot, "send-in-a-small-window.png");
        assertSendInView(robot, 1280);
        motorReadings(robot, sim, "80");
        assertThat(sim.model().instances()).singleElement().satisfies(i -> assertThat(i.stateName()).isEqualTo("Dangerous"));
    }

    /** The scene as a PNG under target/screenshots, for a reviewer to look at. */
    private void screenshot(FxRobot robot, String name) throws Exception {
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        int w = (int) image[0].getWidth(), h = (int) image[0].getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var reader = image[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        Path dir = Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        javax.imageio.ImageIO.write(out, "png", dir.resolve(name).toFile());
    }

    private static Node ancestor(Node n, Class<?> type) {
        Node at = n.getParent();
        while (at != null && !type.isInstance(at)) {
            at = at.getParent();
        }
        return at;
    }
}
