package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.app.gui.files.RecoveryStore;
import io.detectorstudio.app.gui.sim.SimulationPane;
import io.detectorstudio.delivery.testing.Mosquitto;
import io.detectorstudio.delivery.testing.MqttProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench's Deliver… (issue 17): a simulated motor step's SNS action, bound to MQTT by a bindings file, is
 * published to a real Mosquitto only after the confirmation; cancelling sends nothing.
 */
@ExtendWith(ApplicationExtension.class)
class DeliverStepTest {

    private final Preferences prefs = TestPrefs.fresh();
    private MainWindow window;

    @TempDir
    Path dir;

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    @Start
    void start(Stage stage) throws Exception {
        window = new MainWindow(stage, prefs, new RecoveryStore(Files.createTempDirectory("recovery")));
        stage.setScene(RealTheme.scene(window.root(), 1260, 780));
        stage.show();
    }

    @Test
    void theStepsSnsAlertIsPublishedAfterTheConfirmationAndNotWithoutIt(FxRobot robot) throws Exception {
        try (Mosquitto broker = Mosquitto.start(); MqttProbe dashboard = new MqttProbe(broker.port()).watch("motors/alerts")) {
            Path bindings = dir.resolve("bindings.yaml");
            Files.writeString(bindings, "brokers: { b: { url: '" + broker.url() + "' } }\n"
                    + "deliveries: [ { type: sns, to: { mqtt: { broker: b, topic: motors/alerts } } } ]\n"
                    + "deadLetter: '" + dir.resolve("dead.jsonl") + "'\n");
            BackgroundWork.Job[] task = new BackgroundWork.Job[1];
            robot.interact(() -> task[0] = window.open(Path.of("..", "samples", "motor", "model.json").toAbsolutePath()));
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> task[0].isDone() && window.simulation() != null);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> window.bottomTabs().getSelectionModel().select(1));
            SimulationPane sim = window.simulation();
            TextField motorId = robot.lookup("#field-motorid").queryAs(TextField.class);
            TextField pressure = robot.lookup("#field-sensorData_pressure").queryAs(TextField.class);
            robot.interact(() -> {
                motorId.setText("Fulton-A32");
                pressure.setText("80");
            });
            robot.clickOn("#stepper-send");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(sim.model().actions()).anySatisfy(a -> assertThat(a.action().path("type").asText()).isEqualTo("sns"));
            Button deliver = robot.lookup("#action-deliver").queryAs(Button.class);

            // cancelled at the confirmation: nothing leaves
            answerDialogs(robot, deliver, bindings, ButtonChoice.CANCEL);
            assertThat(dashboard.next(1_000)).isNull();

            // confirmed: the SNS default payload arrives on the bound topic and the result names the target
            answerDialogs(robot, deliver, bindings, ButtonChoice.DELIVER);
            MqttProbe.Received alert = dashboard.next(15_000);
            assertThat(alert).isNotNull();
            assertThat(alert.payload()).contains("\"eventName\":\"Pressure Threshold Breached\"", "Fulton-A32");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#deliver-result").tryQuery().isPresent());
            DialogPane result = robot.lookup("#deliver-result").queryAs(DialogPane.class);
            assertThat(result.getContentText()).isEqualTo("mqtt://b/motors/alerts: 1 delivered");
            robot.interact(() -> ((Stage) result.getScene().getWindow()).close());
        }
    }

    private enum ButtonChoice { DELIVER, CANCEL }

    private static void answerDialogs(FxRobot robot, Button deliver, Path bindings, ButtonChoice choice)
            throws Exception {
        Platform.runLater(deliver::fire); // not interact(): the dialogs wait in nested event loops
        TextField path = waitFor(robot, ".dialog-pane .text-field").map(n -> (TextField) n).orElseThrow();
        robot.interact(() -> path.setText(bindings.toString()));
        robot.interact(button(robot, "OK")::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button")
                .match((Button b) -> b.getText().equals("Deliver")).tryQuery().isPresent());
        robot.interact(button(robot, choice == ButtonChoice.DELIVER ? "Deliver" : "Cancel")::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<Node> waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).tryQuery();
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals(text)).queryAs(Button.class);
    }
}
