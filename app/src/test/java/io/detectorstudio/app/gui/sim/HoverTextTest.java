package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HoverTextTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void aCellGetsItsWholeTextAsTooltipOnlyOnceTheMouseEntersIt(FxRobot robot) {
        Label cell = new Label("PressureInput m41 → Dangerous, sns arn:aws:sns:us-east-1:123456789012:alerts");
        HoverText.install(cell);
        assertThat(cell.getTooltip()).as("no popup made up front").isNull();

        robot.interact(() -> Event.fireEvent(cell, entered()));
        assertThat(cell.getTooltip().getText()).isEqualTo(cell.getText());

        robot.interact(() -> {
            cell.setText("Overpressurized");
            Event.fireEvent(cell, entered());
        });
        assertThat(cell.getTooltip().getText()).as("the text shown now").isEqualTo("Overpressurized");

        robot.interact(() -> {
            cell.setText(null);
            Event.fireEvent(cell, entered());
        });
        assertThat(cell.getTooltip()).as("an empty cell shows nothing").isNull();
    }

    private static MouseEvent entered() {
        return new MouseEvent(MouseEvent.MOUSE_ENTERED, 0, 0, 0, 0, javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false,
                false, false, false, false, false, null);
    }
}
