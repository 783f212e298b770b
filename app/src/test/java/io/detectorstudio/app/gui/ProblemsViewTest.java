package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.engine.diagnostics.Diagnostic;
import io.detectorstudio.engine.diagnostics.Severity;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
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

/** The Problems table under the app's theme: every column on screen, no sideways scrolling, long text in full on hover. */
@ExtendWith(ApplicationExtension.class)
class ProblemsViewTest {

    private static final String LONG_MESSAGE = "'!=' compares Integer with String, which are never equal; use convert(…)"
            + " to compare them, or compare the variable with a number the way the other transitions of this state do";

    private final ProblemsViewModel model = new ProblemsViewModel();
    private TableView<Diagnostic> table;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        table = new ProblemsView(model).table();
        stage.setScene(RealTheme.scene(new StackPane(table), 1000, 300));
        stage.sizeToScene(); // the tests share one stage: an earlier test's width would hold otherwise
        stage.show();
    }

    @Test
    void theColumnsFitTheTableAtAnyWidthAndNoHeaderSeverityLineOrCodeIsCutShort(FxRobot robot) {
        // the longest code there is, at a five-digit line
        robot.interact(() -> model.show(List.of(Diagnostic.at(Severity.WARNING, "DS-REF-VARIABLE-NEVER-SET",
                "$.detectorModelDefinition.states[2].onInput.transitionEvents[1].condition", LONG_MESSAGE)
                .withLocation(17800, 77, 17800, 120))));
        for (double width : new double[] {1000, 1500, 800}) {
            robot.interact(() -> stage.setWidth(width));
            WaitForAsyncUtils.waitForFxEvents();
            double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            assertThat(columns).as("columns at a window %s px wide", width).isLessThanOrEqualTo(table.getWidth());
            assertThat(robot.lookup(".scroll-bar").<ScrollBar>queryAll().stream()
                    .anyMatch(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()))
                    .as("sideways scrolling at %s px", width).isFalse();
            for (Label header : robot.lookup(".column-header .label").<Label>queryAll()) {
                assertThat(shownText(header)).as("header at %s px", width).isEqualTo(header.getText());
            }
            for (String whole : List.of("warning", "17800:77", "DS-REF-VARIABLE-NEVER-SET")) {
                TableCell<?, ?> cell = robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                        .filter(c -> whole.equals(c.getText())).findFirst().orElseThrow();
                assertThat(shownText(cell)).as("cell at %s px", width).isEqualTo(whole);
            }
        }
    }

    @Test
    void aMessageCutShortShowsInFullOnHover(FxRobot robot) {
        robot.interact(() -> model.show(List.of(Diagnostic.at(Severity.WARNING, "DS-TYPE-COMPARISON", "$.x",
                LONG_MESSAGE))));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cell = robot.lookup(".table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> LONG_MESSAGE.equals(c.getText())).findFirst().orElseThrow();
        assertThat(shownText(cell)).as("the message is cut short").isNotEqualTo(LONG_MESSAGE);
        robot.moveTo(cell);
        assertThat(cell.getTooltip()).isNotNull();
        assertThat(cell.getTooltip().getText()).isEqualTo(LONG_MESSAGE);
    }

    /** What a label's skin draws: its text, or the text cut short with an ellipsis. */
    private static String shownText(Node labeled) {
        return ((Text) labeled.lookup(".text")).getText();
    }
}
