package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.detectorstudio.editor.diagram.DiagramKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The action table: unique accelerators, and the main window's menu bar and toolbar made from it (the toolkit runs
 * headless for the controls; no robot).
 */
class WorkbenchActionsTest {

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // another test started it
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private record Shown(WorkbenchActions actions, MenuBar menus, ToolBar tools) {
    }

    private static Shown window() throws Exception {
        Preferences prefs = TestPrefs.fresh();
        Path recovery = Files.createTempDirectory("recovery");
        return onFx(() -> {
            MainWindow window = new MainWindow(new Stage(), prefs, new io.detectorstudio.app.gui.files.RecoveryStore(
                    recovery));
            VBox top = (VBox) ((BorderPane) window.root()).getTop();
            return new Shown(window.actions(), (MenuBar) top.getChildren().get(0), (ToolBar) top.getChildren().get(1));
        });
    }

    @Test
    void noTwoActionsShareAnAcceleratorAndFitIsTheCanvasKey() throws Exception {
        WorkbenchActions actions = window().actions();
        Map<String, String> byKeys = new HashMap<>();
        for (StudioAction a : actions.all()) {
            if (a.accelerator() != null) {
                String other = byKeys.put(a.accelerator().getName(), a.id());
                assertThat(other).as(a.accelerator().getName() + " is " + a.id() + "'s").isNull();
            }
        }
        assertThat(actions.get("fit").accelerator()).isEqualTo(DiagramKeys.FIT);
        assertThat(actions.get("actual-size").accelerator()).isEqualTo(DiagramKeys.ACTUAL_SIZE);
        assertThat(ShortcutsDialog.rows(actions)).hasSize(byKeys.size());
    }

    @Test
    void theMenuBarAndToolbarAreMadeFromTheTable() throws Exception {
        Shown shown = window();
        List<StudioAction> inMenus = new ArrayList<>();
        onFx(() -> {
            for (Menu m : shown.menus().getMenus()) {
                collect(m, inMenus);
            }
            return null;
        });
        assertThat(inMenus).containsExactlyInAnyOrderElementsOf(shown.actions().all());
        assertThat(shown.menus().getMenus()).extracting(Menu::getText)
                .containsExactly("File", "Edit", "View", "Simulate", "Help");

        List<Button> buttons = shown.tools().getItems().stream().filter(n -> n instanceof Button)
                .map(n -> (Button) n).toList();
        assertThat(buttons).hasSize((int) WorkbenchActions.TOOLBAR.stream()
                .filter(id -> !id.equals(WorkbenchActions.SEPARATOR)).count());
        for (Button b : buttons) {
            StudioAction a = (StudioAction) b.getUserData();
            assertThat(shown.actions().get(a.id())).isSameAs(a);
            assertThat(b.getTooltip().getText()).isEqualTo(a.tooltip());
        }
        StudioAction fit = shown.actions().get("fit");
        assertThat(fit.tooltip()).isEqualTo("Fit to window (" + DiagramKeys.FIT.getDisplayText() + ")");
    }

    @Test
    void actionsThatCannotRunAreDisabled() throws Exception {
        Shown shown = window();
        onFx(() -> {
            for (String id : List.of("save", "save-as", "undo", "redo", "fit", "send", "template-parameters",
                    "run-scenarios")) {
                assertThat(shown.actions().get(id).enabled().get()).as(id + " with no model").isFalse();
            }
            assertThat(shown.actions().get("open").enabled().get()).isTrue();
            Button save = (Button) shown.tools().getItems().stream()
                    .filter(n -> n.getUserData() == shown.actions().get("save")).findFirst().orElseThrow();
            assertThat(save.isDisabled()).isTrue();
            return null;
        });
    }

    private static void collect(Menu menu, List<StudioAction> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, into);
            } else if (!(item instanceof SeparatorMenuItem)) {
                StudioAction a = (StudioAction) item.getUserData();
                assertThat(item.getText()).isEqualTo(a.text());
                assertThat(item.getAccelerator()).isEqualTo(a.accelerator());
                into.add(a);
            }
        }
    }
}
