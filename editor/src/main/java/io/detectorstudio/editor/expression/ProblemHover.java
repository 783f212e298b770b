package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.expr.ExpressionProblem;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Popup;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/** Shows the message of the problem under the mouse in a small popup (RichTextFX mouse-over-text events). */
final class ProblemHover {

    private final Popup popup = new Popup();
    private final Label message = new Label();

    ProblemHover(GenericStyledArea<?, ?, ?> area, IntFunction<Optional<ExpressionProblem>> problemAt) {
        message.getStyleClass().addAll("root", "expr-problem-popup"); // "root": the theme's lookups in the popup
        message.getStylesheets().add(ExpressionStyles.STYLESHEET);
        message.setWrapText(true);
        message.setMaxWidth(480);
        popup.getContent().add(message);
        popup.setAutoHide(true);
        area.setMouseOverTextDelay(Duration.ofMillis(350));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            Optional<ExpressionProblem> problem = problemAt.apply(e.getCharacterIndex());
            if (problem.isPresent()) {
                message.setText(text(problem.get()));
                Point2D at = e.getScreenPosition();
                popup.show(area, at.getX(), at.getY() + 14);
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> popup.hide());
    }

    static String text(ExpressionProblem problem) {
        return problem.severity().word() + ": " + problem.message() + " [" + problem.code() + "]";
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    String shownText() {
        return message.getText();
    }
}
