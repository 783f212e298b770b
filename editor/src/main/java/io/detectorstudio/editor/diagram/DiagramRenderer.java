package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.EdgeLabel;
import io.detectorstudio.editor.graph.EdgeRoute;
import io.detectorstudio.editor.graph.EdgeRouter;
import io.detectorstudio.editor.graph.InitialMarker;
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

/** Builds the scene-graph nodes for a graph and a selection in a palette's colours (pure drawing, no interaction). */
final class DiagramRenderer {
    static final double HANDLE_RADIUS = 6;
    /** Keys of an edge group's properties: whether it is selected, whether the simulation took it last. */
    private static final String SELECTED = "selected", LAST = "last";

    private DiagramRenderer() {
    }

    /**
     * Draws edges, then states, then the transitions' full labels on top. The hovered and the selected
     * transitions are emphasised and their labels drawn last, so they stay readable even where a hand-made layout
     * lets labels overlap.
     */
    static void render(Group edges, Group states, Group labels, DiagramGraph graph, DiagramSelection selection,
                       DiagramPalette palette, DiagramHighlight highlight, String hovered) {
        edges.getChildren().clear();
        states.getChildren().clear();
        labels.getChildren().clear();
        Map<String, EdgeRoute> routes = EdgeRouter.route(graph);
        java.util.List<Node> emphasised = new java.util.ArrayList<>();
        for (DiagramTransition t : graph.transitions()) {
            EdgeRoute route = routes.get(t.key());
            if (route != null) {
                boolean selected = selection.transitions().contains(t.key());
                boolean last = t.key().equals(highlight.lastTransition());
                boolean hover = t.key().equals(hovered);
                Group edge = edge(t, route, selected, last);
                Group label = label(palette, t, route.labelAt());
                style(palette, edge, label, hover);
                edges.getChildren().add(edge);
                (selected || hover ? emphasised : labels.getChildren()).add(label);
            }
        }
        labels.getChildren().addAll(emphasised);
        for (DiagramState s : graph.states()) {
            states.getChildren().add(state(palette, s, selection.states().contains(s.name()),
                    highlight.activeStates().contains(s.name())));
        }
    }

    /**
     * Emphasises (or no longer) the transition {@code key} for the mouse over it, changing its drawn nodes in place
     * (a redraw would replace the node under the mouse while it is being pointed at) and raising its label.
     */
    static void hover(Group edges, Group labels, DiagramPalette palette, String key, boolean hovered) {
        if (key == null) {
            return;
        }
        Group edge = find(edges, key), label = find(labels, key);
        if (edge != null && label != null) {
            style(palette, edge, label, hovered);
            if (hovered) {
                label.toFront();
            }
        }
    }

    private static Group find(Group layer, String key) {
        return (Group) layer.getChildren().stream().filter(n -> key.equals(n.getUserData())).findFirst().orElse(null);
    }

    /** Colours an edge and its label from what it is (selected, last taken; kept in their properties) and hover. */
    private static void style(DiagramPalette palette, Group edge, Group label, boolean hovered) {
        boolean selected = Boolean.TRUE.equals(edge.getProperties().get(SELECTED));
        boolean last = Boolean.TRUE.equals(edge.getProperties().get(LAST));
        boolean emphasis = selected || hovered;
        javafx.scene.paint.Color color = selected ? palette.selected() : last ? palette.active()
                : hovered ? palette.hover() : palette.edge();
        Path path = (Path) edge.getChildren().get(0);
        path.setStroke(color);
        path.setStrokeWidth(emphasis || last ? 2.6 : 1.4);
        ((Polygon) edge.getChildren().get(1)).setFill(color);
        Rectangle background = (Rectangle) label.getChildren().get(0);
        background.setStroke(emphasis ? (selected ? palette.selected() : palette.hover()) : null);
        background.setStrokeWidth(1.2);
        label.getStyleClass().remove("emphasised-label");
        if (emphasis) {
            label.getStyleClass().add("emphasised-label");
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
            Point dotAt = InitialMarker.dot(s), tail = InitialMarker.tail(s), tip = InitialMarker.tip(s);
            Circle dot = new Circle(dotAt.x(), dotAt.y(), InitialMarker.DOT_RADIUS, palette.initialStroke());
            Line line = new Line(tail.x(), tail.y(), tip.x(), tip.y() - 2);
            line.setStroke(palette.initialStroke());
            line.setStrokeWidth(1.6);
            group.getChildren().addAll(dot, line, arrowHead(tail, tip, palette.initialStroke()));
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

    /** The line and arrowhead, uncoloured: {@link #style} colours them. */
    private static Group edge(DiagramTransition t, EdgeRoute route, boolean selected, boolean last) {
        Group group = new Group();
        group.getStyleClass().add("transition-edge");
        group.setUserData(t.key());
        group.getProperties().put(SELECTED, selected);
        group.getProperties().put(LAST, last);
        Path path = new Path(new MoveTo(route.start().x(), route.start().y()));
        switch (route.shape()) {
            case POLYLINE -> route.points().stream().skip(1).forEach(p -> path.getElements().add(new LineTo(p.x(), p.y())));
            case QUADRATIC -> path.getElements().add(new QuadCurveTo(route.points().get(1).x(), route.points().get(1).y(),
                    route.end().x(), route.end().y()));
            case CUBIC -> path.getElements().add(new CubicCurveTo(route.points().get(1).x(), route.points().get(1).y(),
                    route.points().get(2).x(), route.points().get(2).y(), route.end().x(), route.end().y()));
        }
        if (last) {
            group.getStyleClass().add("last-transition");
        }
        path.setFill(null);
        group.getChildren().addAll(path, arrowHead(route.arrowFrom(), route.end(), null));
        return group;
    }

    /** The full label in the box {@link EdgeLabel} reserves (the layout gave ELK that size, so it has room). */
    private static Group label(DiagramPalette palette, DiagramTransition t, Point centre) {
        EdgeLabel text = EdgeLabel.of(t);
        double[] box = text.box(centre);
        Group group = new Group();
        group.getStyleClass().add("transition-label");
        group.setUserData(t.key());
        Rectangle background = new Rectangle(box[0], box[1], text.width(), text.height());
        background.setArcWidth(6);
        background.setArcHeight(6);
        background.setFill(palette.labelFill());
        group.getChildren().add(background);
        for (int i = 0; i < text.lines().size(); i++) {
            Text line = new Text(box[0] + EdgeLabel.PAD_X,
                    box[1] + EdgeLabel.PAD_Y + i * EdgeLabel.LINE_HEIGHT + 0.8 * EdgeLabel.FONT_SIZE + 1,
                    text.lines().get(i));
            line.setFont(i == 0 ? DiagramStyle.LABEL_EVENT_FONT : DiagramStyle.LABEL_FONT);
            line.setFill(palette.text());
            group.getChildren().add(line);
        }
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
