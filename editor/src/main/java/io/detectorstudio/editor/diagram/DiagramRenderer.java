package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.EdgeRoute;
import io.detectorstudio.editor.graph.EdgeRouter;
import io.detectorstudio.editor.graph.Labels;
import io.detectorstudio.editor.graph.Point;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/** Builds the scene-graph nodes for a graph and a selection (pure drawing, no interaction). */
final class DiagramRenderer {
    static final double HANDLE_RADIUS = 6;

    private DiagramRenderer() {
    }

    static void render(Group edges, Group states, DiagramGraph graph, DiagramSelection selection, DiagramPalette palette,
                       DiagramHighlight highlight) {
        edges.getChildren().clear();
        states.getChildren().clear();
        Map<String, EdgeRoute> routes = EdgeRouter.route(graph);
        for (DiagramTransition t : graph.transitions()) {
            EdgeRoute route = routes.get(t.key());
            if (route != null) {
                edges.getChildren().add(edge(palette, t, route, selection.transitions().contains(t.key()),
                        t.key().equals(highlight.lastTransition())));
            }
        }
        for (DiagramState s : graph.states()) {
            states.getChildren().add(state(palette, s, selection.states().contains(s.name()),
                    highlight.activeStates().contains(s.name())));
        }
    }

    static Point handleCenter(DiagramState s) {
        return new Point(s.position().x() + s.width(), s.position().y() + s.height() / 2);
    }

    private static Node state(DiagramPalette palette, DiagramState s, boolean selected, boolean active) {
        Group group = new Group();
        group.getStyleClass().add("state-node");
        group.setUserData(s.name());
        double x = s.position().x(), y = s.position().y();
        if (s.initial()) {
            Circle dot = new Circle(x - 26, y + s.height() / 2, 6, palette.initialStroke());
            Line line = new Line(x - 20, y + s.height() / 2, x - 2, y + s.height() / 2);
            line.setStroke(palette.initialStroke());
            line.setStrokeWidth(1.6);
            group.getChildren().addAll(dot, line, arrowHead(new Point(x - 20, y + s.height() / 2),
                    new Point(x, y + s.height() / 2), palette.initialStroke()));
        }
        Rectangle box = new Rectangle(x, y, s.width(), s.height());
        box.setArcWidth(24);
        box.setArcHeight(24);
        box.setFill(active ? palette.activeFill() : palette.stateFill());
        box.setStroke(selected ? palette.selected() : active ? palette.active()
                : s.initial() ? palette.initialStroke() : palette.stateStroke());
        box.setStrokeWidth(selected || active ? 3 : s.initial() ? 2.2 : 1.4);
        if (active) {
            group.getStyleClass().add("active-state");
        }
        Text name = new Text(Labels.elide(s.name(), 32));
        name.setFont(DiagramStyle.NAME_FONT);
        name.setFill(palette.text());
        name.setX(x + (s.width() - name.getLayoutBounds().getWidth()) / 2);
        name.setY(y + 24);
        HBox badges = new HBox(4);
        badges.setLayoutX(x + 10);
        badges.setLayoutY(y + 33);
        if (s.markers().onEnter()) badges.getChildren().add(badge(palette, "enter"));
        if (s.markers().onInput()) badges.getChildren().add(badge(palette, "input"));
        if (s.markers().onExit()) badges.getChildren().add(badge(palette, "exit"));
        if (s.markers().timers()) badges.getChildren().add(badge(palette, "timer"));
        Point h = handleCenter(s);
        Circle handle = new Circle(h.x(), h.y(), HANDLE_RADIUS, palette.handleFill());
        handle.setStroke(palette.stateStroke());
        handle.getStyleClass().add("connect-handle");
        group.getChildren().addAll(box, name, badges, handle);
        return group;
    }

    private static Node badge(DiagramPalette palette, String text) {
        Label label = new Label(text);
        label.setFont(DiagramStyle.BADGE_FONT);
        label.setTextFill(palette.badgeText());
        StackPane pill = new StackPane(label);
        pill.setStyle("-fx-background-color: " + DiagramPalette.css(palette.badge())
                + "; -fx-background-radius: 6; -fx-padding: 0 5 0 5;");
        return pill;
    }

    private static Node edge(DiagramPalette palette, DiagramTransition t, EdgeRoute route, boolean selected, boolean last) {
        Group group = new Group();
        group.getStyleClass().add("transition-edge");
        group.setUserData(t.key());
        Path path = new Path(new MoveTo(route.start().x(), route.start().y()));
        switch (route.shape()) {
            case POLYLINE -> route.points().stream().skip(1).forEach(p -> path.getElements().add(new LineTo(p.x(), p.y())));
            case QUADRATIC -> path.getElements().add(new QuadCurveTo(route.points().get(1).x(), route.points().get(1).y(),
                    route.end().x(), route.end().y()));
            case CUBIC -> path.getElements().add(new CubicCurveTo(route.points().get(1).x(), route.points().get(1).y(),
                    route.points().get(2).x(), route.points().get(2).y(), route.end().x(), route.end().y()));
        }
        javafx.scene.paint.Color color = selected ? palette.selected() : last ? palette.active() : palette.edge();
        path.setStroke(color);
        path.setStrokeWidth(selected || last ? 2.6 : 1.4);
        if (last) {
            group.getStyleClass().add("last-transition");
        }
        path.setFill(null);
        Label label = new Label(Labels.elided(t));
        label.setFont(DiagramStyle.LABEL_FONT);
        label.setTextFill(palette.text());
        label.setStyle("-fx-background-color: " + DiagramPalette.css(palette.labelBackground())
                + "; -fx-background-radius: 3; -fx-padding: 0 3 0 3;");
        label.getStyleClass().add("transition-label");
        // measured with a Text: a Label's prefWidth is 0 until CSS has been applied
        Text measure = new Text(label.getText());
        measure.setFont(DiagramStyle.LABEL_FONT);
        double w = measure.getLayoutBounds().getWidth() + 6;
        label.setLayoutX(route.labelAt().x() - w / 2);
        label.setLayoutY(route.labelAt().y() - 9);
        group.getChildren().addAll(path, arrowHead(route.arrowFrom(), route.end(), color), label);
        return group;
    }

    private static Node arrowHead(Point from, Point tip, javafx.scene.paint.Paint color) {
        double angle = Math.atan2(tip.y() - from.y(), tip.x() - from.x());
        double len = 10, spread = Math.toRadians(24);
        Polygon head = new Polygon(tip.x(), tip.y(),
                tip.x() - len * Math.cos(angle - spread), tip.y() - len * Math.sin(angle - spread),
                tip.x() - len * Math.cos(angle + spread), tip.y() - len * Math.sin(angle + spread));
        head.setFill(color);
        return head;
    }
}
