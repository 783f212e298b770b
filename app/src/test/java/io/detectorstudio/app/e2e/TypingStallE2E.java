package io.detectorstudio.app.e2e;

import io.detectorstudio.editor.expression.ExpressionEditor;
import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.editor.expression.ExpressionField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Issue 20: nothing slow on the JavaFX thread while a user types. The largest corpus model (by states,
 * transitions and expressions: devguide__areaDetectorModel, 4 states, 15 transitions, 73 expressions) is open and
 * a transition's condition is typed into one character at a time, pausing after each long enough for the typing
 * check (250 ms after typing pauses) and the model's full checks to run on the worker and be shown — validation on
 * every keystroke (Problems names the half-typed {@code $variable.rangeH}, then no longer once the name is whole).
 * A {@link PulseProbe} records the gaps between pulses meanwhile; the longest, less the garbage
 * collector's stop-the-world pauses, and the FX thread's own work between two pulses stay within {@link StallBound}. The figures go to
 * {@code target/e2e-screenshots/TypingStallE2E.txt} (docs/performance.md quotes them).
 */
class TypingStallE2E {

    private static final String MODEL = "devguide__areaDetectorModel.json";
    /** 60 characters: passes through unknown variables, a dangling operator and a valid condition again. */
    private static final String TYPED = " && $variable.rangeHigh > 20 && $variable.rangeLow < 10 + 15";
    /** After each keystroke: longer than the typing check's 250 ms pause, so each keystroke is validated. */
    private static final long PAUSE_MILLIS = 300;
    private static final String HALF_TYPED = "$variable.rangeH";
    private static final Pattern HALF_TYPED_NAME = Pattern.compile("rangeH\\b");

    @RegisterExtension
    static final AppDriver app = AppDriver.launch(copyOfCorpusModel().toString());

    @Test
    void typingAConditionInTheLargestCorpusModelLeavesTheFxThreadFree() throws Exception {
        FxRobot robot = app.robot();
        app.waitUntil("the model is drawn", () -> robot.lookup(".transition-label")
                .match(n -> "start/initialize".equals(n.getUserData())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".transition-label").match(n -> "start/initialize".equals(n.getUserData()))
                .<Node>query());
        app.waitUntil("the transition's condition editor", () -> field() != null
                && field().getText().endsWith("sensorCount > 0"));
        String before = app.onFx(() -> field().getText());
        robot.clickOn(field());
        robot.push(KeyCode.CONTROL, KeyCode.END);

        PulseProbe probe = app.onFx(PulseProbe::new);
        app.onFx(probe::start);
        for (int i = 0; i < TYPED.length(); i++) {
            robot.write(TYPED.charAt(i));
            Thread.sleep(PAUSE_MILLIS);
            if (TYPED.substring(0, i + 1).endsWith(HALF_TYPED)) { // the checks run while typing: an unknown variable
                app.waitUntil("Problems names the half-typed variable", Duration.ofSeconds(20),
                        () -> problemsNamingHalfTypedVariable() > 0);
            }
        }
        app.waitUntil("every character typed", Duration.ofSeconds(30),
                () -> app.onFx(() -> field().getText()).equals(before + TYPED));
        app.waitUntil("the whole condition checked", Duration.ofSeconds(20),
                () -> problemsNamingHalfTypedVariable() == 0);
        PulseProbe.Gaps typing = app.onFx(probe::finish);
        app.screenshot("TypingStallE2E.typed");

        StallBound.record("TypingStallE2E", "typing " + TYPED.length() + " characters into a condition of " + MODEL
                + ", " + PAUSE_MILLIS + " ms apart: " + typing);
        StallBound.check("typing", typing);
    }

    private static long problemsNamingHalfTypedVariable() {
        return app.onFx(() -> ((TableView<?>) app.robot().lookup("#problems").query()).getItems().stream()
                .map(Diagnostic.class::cast).filter(d -> HALF_TYPED_NAME.matcher(d.message()).find()).count());
    }

    private static ExpressionField field() {
        return app.robot().lookup("#event-condition").match(n -> n instanceof ExpressionEditor).tryQuery()
                .map(ExpressionField.class::cast).orElse(null);
    }

    private static Path copyOfCorpusModel() {
        try {
            Path dir = Files.createTempDirectory("detector-studio-e2e-typing");
            return Files.copy(AppDriver.repository().resolve("testdata/corpus/models").resolve(MODEL),
                    dir.resolve(MODEL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
