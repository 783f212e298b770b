package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.expr.ExpressionProblem;
import io.detectorstudio.engine.model.FieldKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.fxmisc.richtext.StyledTextArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * What {@link ExpressionField} and {@link TemplateArea} share: the text as a bindable {@link #textProperty()}, a
 * {@link #modeProperty() mode} (EXPRESSION or TEMPLATE, as {@code engine.model.FieldKind}), highlighting and
 * problems from the engine's lexer and parser ({@link ExpressionAnalyzer}), the problems as
 * {@link #diagnosticsProperty()}, their messages on hover, completion (Ctrl+Space, and after '.') from a
 * {@link CompletionSource}, and the matching bracket at the caret.
 *
 * <p>Texts up to {@value #SYNC_LIMIT} characters are analysed on the FX thread as they change (well under a
 * millisecond); longer ones after typing pauses for {@value #PAUSE_MILLIS} ms, on a background thread, following
 * RichTextFX's JavaKeywordsAsyncDemo, so typing in a long payload never waits for the lexer.
 */
public abstract class ExpressionEditor extends StackPane {

    static final int SYNC_LIMIT = 1_000;
    static final int PAUSE_MILLIS = 150;
    private static final ExecutorService ANALYSIS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "expression-analysis");
        t.setDaemon(true);
        return t;
    });

    private final StyledTextArea<Collection<String>, Collection<String>> area;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<FieldKind> mode = new SimpleObjectProperty<>(this, "mode", FieldKind.EXPRESSION);
    private final ObjectProperty<CompletionSource> completionSource =
            new SimpleObjectProperty<>(this, "completionSource", CompletionSource.EMPTY);
    private final ReadOnlyObjectWrapper<List<ExpressionProblem>> diagnostics =
            new ReadOnlyObjectWrapper<>(this, "diagnostics", List.of());
    private final CompletionPopup completion = new CompletionPopup(this::insert);
    private final ProblemHover hover;
    private final ReadOnlyObjectWrapper<ExpressionAnalysis> shown =
            new ReadOnlyObjectWrapper<>(this, "analysis", ExpressionAnalyzer.analyze("", FieldKind.EXPRESSION));
    private ExpressionAnalysis analysis = shown.get();
    private final List<Integer> bracketMarks = new ArrayList<>();
    private boolean syncing;

    /** A styled text and what it was computed from; applied only if the field still shows that text and mode. */
    private record Styled(ExpressionAnalysis analysis, FieldKind mode, StyleSpans<Collection<String>> spans) {
    }

    protected ExpressionEditor(StyledTextArea<Collection<String>, Collection<String>> area, Node view,
                               FieldKind initialMode) {
        this.area = area;
        getStyleClass().add("expression-editor");
        // added once in a scene: RichTextFX styles text while detached, where the theme's lookups do not resolve
        sceneProperty().addListener((o, was, now) -> {
            if (now != null && !getStylesheets().contains(ExpressionStyles.STYLESHEET)) {
                getStylesheets().add(ExpressionStyles.STYLESHEET);
            }
        });
        getChildren().add(view);
        area.setUndoManager(UndoUtils.plainTextUndoManager(area)); // style changes are not undo steps
        mode.set(Objects.requireNonNull(initialMode));
        hover = new ProblemHover(area, this::problemAt);

        area.textProperty().addListener((o, was, now) -> {
            if (!syncing) {
                syncing = true;
                text.set(now);
                syncing = false;
            }
        });
        text.addListener((o, was, now) -> {
            if (!syncing) {
                syncing = true;
                area.replaceText(now == null ? "" : now);
                area.getUndoManager().forgetHistory(); // a new value from the model, not an edit to undo
                syncing = false;
            }
        });
        mode.addListener((o, was, now) -> reanalyze());
        watchChanges();
        area.caretPositionProperty().addListener((o, was, now) -> {
            markBrackets();
            if (completion.isShowing()) {
                Platform.runLater(this::followCaret);
            }
        });
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        area.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                completion.hide();
            }
        });
        reanalyze();
    }

    private void watchChanges() {
        // short texts: at once, on the FX thread
        area.multiPlainChanges().filter(changes -> area.getLength() <= SYNC_LIMIT)
                .subscribe(changes -> apply(compute(area.getText(), getMode())));
        // long texts: when typing pauses, off the FX thread, newest result only (RichTextFX async highlighting)
        area.multiPlainChanges()
                .successionEnds(Duration.ofMillis(PAUSE_MILLIS))
                .filter(changes -> area.getLength() > SYNC_LIMIT)
                .retainLatestUntilLater(ANALYSIS)
                .supplyTask(this::computeAsync)
                .awaitLatest(area.multiPlainChanges())
                .filterMap(t -> t.isSuccess() ? Optional.of(t.get()) : Optional.empty())
                .subscribe(this::apply);
        area.plainTextChanges().subscribe(this::afterEdit);
    }

    private Task<Styled> computeAsync() {
        String snapshot = area.getText();
        FieldKind snapshotMode = getMode();
        Task<Styled> task = new Task<>() {
            @Override
            protected Styled call() {
                return compute(snapshot, snapshotMode);
            }
        };
        ANALYSIS.execute(task);
        return task;
    }

    private static Styled compute(String text, FieldKind mode) {
        ExpressionAnalysis analysis = ExpressionAnalyzer.analyze(text, mode);
        return new Styled(analysis, mode, ExpressionStyles.spans(analysis, mode == FieldKind.TEMPLATE));
    }

    /** Analyses the current text again (after a mode change or on creation). */
    private void reanalyze() {
        String now = area.getText();
        FieldKind nowMode = getMode();
        if (now.length() <= SYNC_LIMIT) {
            apply(compute(now, nowMode));
        } else {
            CompletableFuture.supplyAsync(() -> compute(now, nowMode), ANALYSIS)
                    .thenAccept(styled -> Platform.runLater(() -> apply(styled)));
        }
    }

    private void apply(Styled styled) {
        if (styled.mode() != getMode() || !styled.analysis().text().equals(area.getText())) {
            return; // stale: the text or mode changed while it was computed
        }
        analysis = styled.analysis();
        bracketMarks.clear();
        area.setStyleSpans(0, styled.spans());
        diagnostics.set(analysis.problems());
        shown.set(analysis);
        markBrackets();
    }

    // ---- brackets ----

    private void markBrackets() {
        for (int at : bracketMarks) {
            if (at < area.getLength()) {
                List<String> styles = new ArrayList<>(area.getStyleOfChar(at));
                if (styles.remove(ExpressionStyles.BRACKET_MATCH)) {
                    area.setStyle(at, at + 1, styles);
                }
            }
        }
        bracketMarks.clear();
        if (!analysis.text().equals(area.getText())) {
            return; // a long text whose analysis is still running; marked when it arrives
        }
        BracketMatcher.at(analysis, area.getCaretPosition()).ifPresent(pair -> {
            for (int at : new int[] {pair.open(), pair.close()}) {
                List<String> styles = new ArrayList<>(area.getStyleOfChar(at));
                styles.add(ExpressionStyles.BRACKET_MATCH);
                area.setStyle(at, at + 1, styles);
                bracketMarks.add(at);
            }
        });
    }

    // ---- completion ----

    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE && e.isShortcutDown() || e.getCode() == KeyCode.SPACE && e.isControlDown()) {
            showCompletions();
            e.consume();
            return;
        }
        if (!completion.isShowing()) {
            return;
        }
        switch (e.getCode()) {
            case UP -> completion.move(-1);
            case DOWN -> completion.move(1);
            case PAGE_UP -> completion.move(-8);
            case PAGE_DOWN -> completion.move(8);
            case ENTER, TAB -> {
                Completion chosen = completion.selected();
                if (chosen != null) {
                    insert(chosen);
                }
            }
            case ESCAPE -> completion.hide();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** After typing '.', opens completion; while it is open, follows the typed prefix (closes when nothing fits). */
    private void afterEdit(PlainTextChange change) {
        if (syncing) {
            return;
        }
        boolean typedDot = change.getInserted().equals(".") && change.getRemoved().isEmpty();
        if (typedDot) {
            Platform.runLater(() -> showCompletions(false));
        } else if (completion.isShowing()) {
            Platform.runLater(this::followCaret);
        }
    }

    /** Narrows the open list to what fits at the caret; closes it when the caret left the word being completed. */
    private void followCaret() {
        if (!completion.isShowing()) {
            return;
        }
        CompletionResult now = completions();
        if (now.isEmpty() || now.replaceStart() != completion.result().replaceStart()) {
            completion.hide();
        } else {
            area.getCaretBounds().ifPresent(caret -> completion.show(area, caret, now));
        }
    }

    /** Opens the completion list for the caret (what Ctrl+Space does). */
    public void showCompletions() {
        showCompletions(true);
    }

    private void showCompletions(boolean explicit) {
        CompletionResult result = completions();
        if (result.isEmpty()) {
            completion.hide();
            return;
        }
        Optional<javafx.geometry.Bounds> caret = area.getCaretBounds();
        if (caret.isEmpty() && !explicit) {
            return;
        }
        javafx.geometry.Bounds anchor = caret.orElseGet(() -> area.localToScreen(area.getBoundsInLocal()));
        completion.show(area, anchor, result);
    }

    /** What completion offers at the caret now. */
    public CompletionResult completions() {
        return CompletionEngine.complete(area.getText(), area.getCaretPosition(), getMode(), getCompletionSource());
    }

    /** Replaces the typed prefix with the proposal and puts the caret after it. */
    void insert(Completion item) {
        CompletionResult result = completion.isShowing() ? completion.result() : completions();
        completion.hide();
        int end = Math.min(result.replaceEnd(), area.getLength());
        int start = Math.min(result.replaceStart(), end);
        area.replaceText(start, end, item.insert());
        area.moveTo(start + item.insert().length());
        area.requestFocus();
        if (item.chain()) {
            Platform.runLater(() -> showCompletions(false));
        }
    }

    boolean isCompletionShowing() {
        return completion.isShowing();
    }

    List<Completion> shownCompletions() {
        return completion.isShowing() ? List.copyOf(completion.list().getItems()) : List.of();
    }

    // ---- problems ----

    /** The first problem whose (underlined) span covers character {@code index}. */
    public Optional<ExpressionProblem> problemAt(int index) {
        int length = analysis.text().length();
        return analysis.problems().stream().filter(p -> {
            int[] range = ExpressionStyles.underlineRange(p, length);
            return range != null && index >= range[0] && index < range[1];
        }).findFirst();
    }

    /**
     * Shows problems found by a fuller check of {@code checkedText} (the model's inputs, variables and types, e.g.
     * the engine's {@code ExpressionCheck.problemsOf}) underlined with the parser's own, if the field still shows that
     * text; a result for an older text is dropped. The next edit shows the parser's problems until the next check.
     */
    public void showCheckedProblems(String checkedText, List<ExpressionProblem> problems) {
        if (!checkedText.equals(area.getText()) || !analysis.text().equals(checkedText)) {
            return;
        }
        List<ExpressionProblem> merged = new ArrayList<>(ExpressionAnalyzer.analyze(checkedText, getMode()).problems());
        problems.stream().filter(p -> !merged.contains(p)).forEach(merged::add);
        ExpressionAnalysis checked = new ExpressionAnalysis(checkedText, analysis.highlights(), merged);
        apply(new Styled(checked, getMode(), ExpressionStyles.spans(checked, getMode() == FieldKind.TEMPLATE)));
    }

    boolean isHoverShowing() {
        return hover.isShowing();
    }

    String hoverText() {
        return hover.shownText();
    }

    // ---- public API ----

    /** The text, for bidirectional binding to a model value; setting it replaces the text and clears undo. */
    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value);
    }

    /** EXPRESSION (conditions, values, durations, payloads) or TEMPLATE (literal text with {@code ${…}}). */
    public ObjectProperty<FieldKind> modeProperty() {
        return mode;
    }

    public FieldKind getMode() {
        return mode.get();
    }

    public void setMode(FieldKind value) {
        mode.set(Objects.requireNonNull(value));
    }

    /** Where completion finds inputs, variables, timers and states ({@link ModelSymbols#from}). */
    public ObjectProperty<CompletionSource> completionSourceProperty() {
        return completionSource;
    }

    public CompletionSource getCompletionSource() {
        return completionSource.get() == null ? CompletionSource.EMPTY : completionSource.get();
    }

    public void setCompletionSource(CompletionSource source) {
        completionSource.set(source);
    }

    /**
     * The lexer's and parser's problems for the current text (spans are offsets in it), replaced as a whole on
     * every analysis; empty when the text is fine.
     */
    public ReadOnlyObjectProperty<List<ExpressionProblem>> diagnosticsProperty() {
        return diagnostics.getReadOnlyProperty();
    }

    public List<ExpressionProblem> getDiagnostics() {
        return diagnostics.get();
    }

    /** The analysis whose colours and problems are shown; changes each time a (re)analysis is applied. */
    public ReadOnlyObjectProperty<ExpressionAnalysis> analysisProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The RichTextFX area, e.g. for focus, caret or editable state. */
    public StyledTextArea<Collection<String>, Collection<String>> area() {
        return area;
    }

    @Override
    public void requestFocus() {
        area.requestFocus();
    }
}
