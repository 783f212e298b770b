package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14 item 9 (GUI part), through the real launch: {@code detector-studio samples/pump-station} (a project with
 * {@code models/pump.json} and {@code models/station.json}); the diagram shows the model chosen in the project tree.
 */
class ProjectModelsE2E {

    @RegisterExtension
    static final AppDriver app = AppDriver.withSample("pump-station");

    @Test
    void item9TheDiagramShowsTheModelChosenInTheProjectTree() {
        app.waitUntil("the pump model is drawn", () -> app.robot().lookup("Overpressure").tryQuery().isPresent());

        app.robot().doubleClickOn(treeCell("station.json"));
        app.waitUntil("the station model is drawn", () -> app.robot().lookup("Critical").tryQuery().isPresent()
                && app.robot().lookup("Overpressure").tryQuery().isEmpty());
        assertThat(app.stage().getTitle()).startsWith("stationModel");

        app.robot().doubleClickOn(treeCell("pump.json"));
        app.waitUntil("the pump model is drawn again", () -> app.robot().lookup("Overpressure").tryQuery().isPresent()
                && app.robot().lookup("Critical").tryQuery().isEmpty());
        assertThat(app.stage().getTitle()).startsWith("pumpModel");
    }

    private static Node treeCell(String text) {
        app.waitUntil(text + " is listed", () -> app.robot().lookup((TreeCell<?> c) -> text.equals(c.getText()))
                .tryQuery().isPresent());
        return app.robot().lookup((TreeCell<?> c) -> text.equals(c.getText())).query();
    }
}
