package io.detectorstudio.app.gui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.app.gui.RealTheme;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TextColumnsTest {

    private static final String TIME = "2026-01-01T00:05:00Z";

    @Start
    void start(Stage stage) {
        TableView<String> table = new TableView<>(FXCollections.observableArrayList(List.of(TIME)));
        TextColumns.fitted(table);
        table.getColumns().add(TextColumns.cutAtStart(TextColumns.of("Time", 60, (String time) -> time)));
        table.getColumns().add(TextColumns.of("Rest", 60, (String time) -> time));
        stage.setScene(RealTheme.scene(new StackPane(table), 220, 200));
        stage.sizeToScene(); // the tests share one stage: an earlier test's width would hold otherwise
        stage.show();
    }

    @Test
    void aTimeTooLongForItsColumnIsCutAtItsStartSoTheTimeOfDayStaysInView(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> TIME.equals(c.getText())).map(c -> ((Text) c.lookup(".text")).getText()).toList();
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0)).as("cut at the start").startsWith("...").endsWith(":00Z");
        assertThat(shown.get(1)).as("an ordinary column, cut at the end").startsWith("2026").endsWith("...");
    }
}
