package io.detectorstudio.editor.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * A two-column form of label + input rows. Each row reads its value from the model ({@link #refresh()} re-reads
 * all) and commits a changed value once: on Enter or when the input loses focus (Escape puts the model's value
 * back). Text inputs are checked as typed with ControlsFX {@link ValidationSupport} decorations.
 */
public final class Form {
    private final GridPane grid = new GridPane();
    private final ValidationSupport validation = new ValidationSupport();
    private final List<Runnable> refreshers = new ArrayList<>();
    private Consumer<Runnable> drafts = edit -> { };
    private int rows;

    public Form() {
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, inputs);
    }

    public GridPane node() {
        return grid;
    }

    public ValidationSupport validation() {
        return validation;
    }

    /**
     * Where text being typed goes before it is committed: each change of a text row hands its commit to
     * {@code sink} (e.g. {@code ModelDocument::draft}), which runs it without committing.
     */
    public void draftTo(Consumer<Runnable> sink) {
        this.drafts = Objects.requireNonNull(sink);
    }

    /** Re-reads every row from the model. */
    public void refresh() {
        refreshers.forEach(Runnable::run);
    }

    /** Adds a labelled row with any node. */
    public void row(String label, Node node) {
        Label l = new Label(label);
        l.setMinWidth(Label.USE_PREF_SIZE);
        grid.addRow(rows++, l, node);
        GridPane.setHgrow(node, Priority.ALWAYS);
    }

    /** A node spanning both columns. */
    public void wide(Node node) {
        grid.add(node, 0, rows++, 2, 1);
    }

    /**
     * A text row. {@code get} reads the model value (null = absent, shown empty); {@code commit} receives the new
     * text (empty text is handed on as null when {@code emptyIsAbsent}).
     */
    public TextInput text(String label, String id, TextInput input, FieldRules.Check check, boolean required,
                          boolean emptyIsAbsent, Supplier<String> get, Consumer<String> commit) {
        input.node().setId(id);
        Runnable reload = () -> {
            String value = Objects.requireNonNullElse(get.get(), "");
            if (!value.equals(input.textProperty().get())) {
                input.textProperty().set(value);
            }
        };
        reload.run();
        refreshers.add(reload);
        Runnable apply = () -> {
            if (input.node().getScene() == null) {
                return; // the panel was replaced while this field had the focus: nothing to commit to any more
            }
            String text = input.textProperty().get();
            String value = emptyIsAbsent && (text == null || text.isEmpty()) ? null : text;
            if (!Objects.equals(value, get.get()) && !(value != null && value.isEmpty() && get.get() == null)) {
                commit.accept(value);
            }
        };
        input.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        input.textProperty().addListener((obs, was, now) -> {
            if (input.node().getScene() != null) {
                drafts.accept(apply);
            }
        });
        input.setOnCommit(apply);
        input.node().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                reload.run();
            }
        });
        if (input.decoratable().isPresent()) {
            validation.registerValidator(input.decoratable().get(), required, (c, value) -> {
                String problem = check.problem((String) value);
                return problem == null ? new ValidationResult() : ValidationResult.fromError(c, problem);
            });
            row(label, input.node());
        } else {
            row(label, withProblemLine(id, input, check));
        }
        return input;
    }

    /**
     * An expression editor underlines its own syntax problems; required/length rules, which it does not know, are
     * said on a line under it (id {@code <id>-problem}).
     */
    private static Node withProblemLine(String id, TextInput input, FieldRules.Check check) {
        Label problem = new Label();
        problem.setId(id + "-problem");
        problem.getStyleClass().add("field-problem");
        problem.setStyle("-fx-text-fill: #c0392b; -fx-font-size: 0.9em;");
        problem.setWrapText(true);
        Runnable update = () -> {
            String text = check.problem(input.textProperty().get());
            problem.setText(text == null ? "" : text);
            problem.setVisible(text != null);
            problem.setManaged(text != null);
        };
        input.textProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return new javafx.scene.layout.VBox(2, input.node(), problem);
    }

    /** A choice row; the first option may be "" meaning absent (handed on as null). */
    public ComboBox<String> choice(String label, String id, List<String> options, Supplier<String> get,
                                   Consumer<String> commit) {
        return choice(label, id, options, "", get, commit);
    }

    /** A choice whose empty option (the member absent) is shown as {@code emptyLabel}, e.g. what the service assumes. */
    public ComboBox<String> choice(String label, String id, List<String> options, String emptyLabel,
                                   Supplier<String> get, Consumer<String> commit) {
        ComboBox<String> box = new ComboBox<>();
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? emptyLabel : value;
            }

            @Override
            public String fromString(String text) {
                return text.equals(emptyLabel) ? "" : text;
            }
        });
        box.setId(id);
        box.getItems().setAll(options);
        box.setMaxWidth(Double.MAX_VALUE);
        boolean[] loading = {false};
        Runnable reload = () -> {
            loading[0] = true;
            try {
                String value = Objects.requireNonNullElse(get.get(), "");
                if (!box.getItems().contains(value)) {
                    box.getItems().add(value);
                }
                box.setValue(value);
            } finally {
                loading[0] = false;
            }
        };
        reload.run();
        refreshers.add(reload);
        box.valueProperty().addListener((obs, old, now) -> {
            if (loading[0] || now == null) {
                return;
            }
            String value = now.isEmpty() ? null : now;
            if (!Objects.equals(value, get.get())) {
                commit.accept(value);
            }
        });
        row(label, box);
        return box;
    }

    /** A check box row. */
    public CheckBox check(String label, String id, Supplier<Boolean> get, Consumer<Boolean> commit) {
        CheckBox box = new CheckBox();
        box.setId(id);
        Runnable reload = () -> box.setSelected(Boolean.TRUE.equals(get.get()));
        reload.run();
        refreshers.add(reload);
        box.setOnAction(e -> {
            if (box.isSelected() != Boolean.TRUE.equals(get.get())) {
                commit.accept(box.isSelected());
            }
        });
        row(label, box);
        return box;
    }

    /** Something else to re-read on refresh (lists, previews). */
    public void onRefresh(Runnable refresher) {
        refreshers.add(refresher);
    }
}
