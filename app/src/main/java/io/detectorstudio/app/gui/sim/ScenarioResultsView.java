package io.detectorstudio.app.gui.sim;

import io.detectorstudio.app.gui.Icons;
import io.detectorstudio.simulator.scenario.ScenarioException;
import io.detectorstudio.simulator.scenario.ScenarioReader;
import io.detectorstudio.simulator.scenario.ScenarioResult;
import io.detectorstudio.simulator.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * Runs scenario files with {@link ScenarioRunner} off the FX thread (with progress) and lists each one's outcome
 * and failures (or why the file could not be read).
 */
public final class ScenarioResultsView extends BorderPane {

    /** One scenario's outcome. */
    public record Row(Path file, String name, boolean passed, String details) {
    }

    private final TableView<Row> table = new TableView<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label summary = new Label();
    private final Supplier<List<Path>> scenarios;

    /** @param scenarios the scenario files to run (asked each time Run is pressed) */
    public ScenarioResultsView(Supplier<List<Path>> scenarios) {
        this.scenarios = scenarios;
        setId("scenario-results");
        table.setPlaceholder(new Label("Run the project's scenarios to see their results"));
        TextColumns.fitted(table); // a failure's details show whole on hover
        table.getColumns().add(column("Scenario", 280, Row::name));
        table.getColumns().add(column("Result", 80, r -> r.passed() ? "passed" : "FAILED"));
        table.getColumns().add(column("Details", 800, Row::details));
        table.getColumns().add(column("File", 300, r -> r.file().getFileName().toString()));
        Button run = new Button("Run scenarios", Icons.of("mdi2t-test-tube"));
        run.setId("run-scenarios");
        run.setOnAction(e -> run(scenarios.get()));
        progress.setVisible(false);
        HBox bar = new HBox(8, run, progress, summary);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(bar);
        setCenter(table);
    }

    public TableView<Row> table() {
        return table;
    }

    /** Runs the files in the background; the table fills when they are done. */
    public Task<List<Row>> run(List<Path> files) {
        Task<List<Row>> task = new Task<>() {
            @Override
            protected List<Row> call() {
                List<Row> rows = new ArrayList<>();
                int i = 0;
                for (Path f : files) {
                    updateProgress(i++, files.size());
                    rows.add(runOne(f));
                }
                updateProgress(files.size(), files.size());
                return rows;
            }
        };
        progress.setVisible(true);
        progress.progressProperty().bind(task.progressProperty());
        summary.setText("Running " + files.size() + " scenarios…");
        task.setOnSucceeded(e -> {
            table.getItems().setAll(task.getValue());
            long passed = task.getValue().stream().filter(Row::passed).count();
            summary.setText(passed + " passed, " + (task.getValue().size() - passed) + " failed");
            progress.setVisible(false);
        });
        task.setOnFailed(e -> {
            summary.setText("Could not run: " + task.getException().getMessage());
            progress.setVisible(false);
        });
        Thread t = new Thread(task, "scenarios");
        t.setDaemon(true);
        t.start();
        return task;
    }

    static Row runOne(Path file) {
        try {
            var scenario = new ScenarioReader().read(file);
            ScenarioResult result = new ScenarioRunner().run(scenario);
            String details = result.passed() ? result.scenario().steps().size() + " steps"
                    : String.join("; ", result.failures().stream().map(f -> f.describe(scenario.name())).toList());
            return new Row(file, scenario.name(), result.passed(), details);
        } catch (ScenarioException e) {
            return new Row(file, file.getFileName().toString(), false, e.getMessage());
        }
    }

    private static TableColumn<Row, String> column(String title, double width, java.util.function.Function<Row, String> f) {
        return TextColumns.of(title, width, f);
    }
}
