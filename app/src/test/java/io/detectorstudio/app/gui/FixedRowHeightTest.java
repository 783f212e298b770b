package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.beans.property.SimpleStringProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * theme.css gives the lists that grow during a run (trace, instances, actions, watches, breakpoints) a fixed row
 * height, so they never measure their cells (issue 20's stall probe). The height must be the theme's own: a smaller
 * one would cut every row's text. Measured here on rows without the fixed size, in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class FixedRowHeightTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The component tests' theme (RealTheme) again: the light one. */
    @AfterEach
    void lightThemeAgain() {
        Themes.LIGHT.apply();
    }

    @Test
    void theFixedRowHeightIsTheThemesOwnRowHeightInBothThemes(FxRobot robot) {
        for (Themes theme : Themes.values()) {
            TableView<String> natural = table("natural");
            ListView<String> naturalList = new ListView<>(FXCollections.observableArrayList("one", "two"));
            TableView<String> fixed = table("trace-table");
            ListView<String> fixedList = new ListView<>(FXCollections.observableArrayList("one", "two"));
            fixedList.setId("instance-list");
            robot.interact(() -> {
                theme.apply();
                Scene scene = StudioScene.create(new HBox(natural, naturalList, fixed, fixedList), 800, 400);
                stage.setScene(scene);
                stage.show();
            });
            WaitForAsyncUtils.waitForFxEvents();

            double row = rowHeight(robot, natural, ".table-row-cell");
            double listRow = rowHeight(robot, naturalList, ".list-cell");
            assertThat(natural.getFixedCellSize()).as("no fixed size without an id theme.css names").isNegative();
            assertThat(fixed.getFixedCellSize()).as("trace table's fixed row height in %s", theme).isEqualTo(row);
            assertThat(fixedList.getFixedCellSize()).as("instance list's fixed row height in %s", theme)
                    .isEqualTo(listRow);
        }
    }

    private static double rowHeight(FxRobot robot, javafx.scene.Node control, String rows) {
        List<Double> heights = robot.from(control).lookup(rows).<IndexedCell<?>>queryAll().stream()
                .filter(c -> !c.isEmpty()).map(IndexedCell::getHeight).toList();
        assertThat(heights).isNotEmpty();
        return heights.get(0);
    }

    private static TableView<String> table(String id) {
        TableView<String> table = new TableView<>(FXCollections.observableArrayList(
                IntStream.range(0, 5).mapToObj(i -> "row " + i).toList()));
        table.setId(id);
        TableColumn<String, String> column = new TableColumn<>("Value");
        column.setCellValueFactory(c -> new SimpleStringProperty(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        table.getColumns().add(column);
        return table;
    }
}
