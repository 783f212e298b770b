package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.graph.DiagramState;
import io.detectorstudio.editor.graph.DiagramTransition;
import io.detectorstudio.editor.graph.EdgeLabel;
import io.detectorstudio.editor.graph.EdgeRoute;
import io.detectorstudio.editor.graph.InitialMarker;
import io.detectorstudio.editor.graph.Labels;
import io.detectorstudio.editor.graph.Point;
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

/**
 * Builds the scene-graph nodes of one state or one transition in a palette's colours, and styles them for what they
 * are (selected, active, last taken, hovered) without building anything: {@link DiagramCanvas} decides which nodes
 * to build, keep, move or restyle. A state's node is drawn around its own origin and placed by its layout position,
 * so moving it is a relocation.
 */
final class DiagramNodes {
    static final double HANDLE_RADIUS = 6;

    /** A state's drawn node, the state it shows and its box (which selection and highlight colour). */
    record StateNode(DiagramState state, Group node, Rectangle box) {
        StateNode movedTo(DiagramState moved) {
            node.setLayoutX(moved.position().x());
            node.setLayoutY(moved.position().y());
            return new StateNode(moved, node, box);
        }
    }

    /** A transition's drawn line with arrowhead and its label, with what they were drawn from. */
    record EdgeNodes(DiagramTransition transition, EdgeRoute route, Group edge, Group label) {
    }

    private DiagramNodes() {
    }

    /** Colours a state's box for being selected and/or active in the simulation, and marks it with style classes. */
    static void style(DiagramPalette palette, StateNode n, boolean selected, boolean active) {
        DiagramState s = n.state();
        n.box().setFill(active ? palette.activeFill() : palette.stateFill());
        n.box().setStroke(selected ? palette.selected() : active ? palette.active()
                : s.initial() ? palette.initialStroke() : palette.stateStroke());
        n.box().setStrokeWidth(selected || active ? 3 : s.initial() ? 2.2 : 1.4);
        toggle(n.node(), "selected-state", selected);
        toggle(n.node(), "active-state", active);
    }

    /**
     * Colours an edge and its label for being selected, taken last by the simulation and/or under the mouse, and
     * marks them with style classes ({@code emphasised-label} on a selected or hovered label).
     */
    static void style(DiagramPalette palette, EdgeNodes n, boolean selected, boolean last, boolean hovered) {
        boolean emphasis = selected || hovered;
        javafx.scene.paint.Color color = selected ? palette.selected() : last ? palette.active()
                : hovered ? palette.hover() : palette.edge();
        Path path = (Path) n.edge().getChildren().get(0);
        path.setStroke(color);
        path.setStrokeWidth(emphasis || last ? 2.6 : 1.4);
        ((Polygon) n.edge().getChildren().get(1)).setFill(color);
        Rectangle background = (Rectangle) n.label().getChildren().get(0);
        background.setStroke(emphasis ? (selected ? palette.selected() : palette.hover()) : null);
        background.setStrokeWidth(1.2);
        toggle(n.edge(), "selected-transition", selected);
        toggle(n.edge(), "last-transition", last);
        toggle(n.label(), "emphasised-label", emphasis);
    }

    private static void toggle(Node node, String styleClass, boolean on) {
        boolean has = node.getStyleClass().contains(styleClass);
        if (on && !has) {
            node.getStyleClass().add(styleClass);
        } else if (!on && has) {
            node.getStyleClass().remove(styleClass);
        }
    }

    static Point handleCenter(DiagramState s) {
        return new Point(s.position().x() + s.width(), s.position().y() + s.height() / 2);
    }

    /** The state's node, unstyled ({@link #style(DiagramPalette, StateNode, boolean, boolean)} colours its box). */
    static StateNode state(DiagramPalette palette, DiagramState s) {
        Group group = new Group();
        group.getStyleClass().add("state-node");
        group.setUserData(s.name());
        Point origin = s.position();
        if (s.initial()) {
            Point dotAt = local(InitialMarker.dot(s), origin), tail = local(InitialMarker.tail(s), origin);
            Point tip = local(InitialMarker.tip(s), origin);
            Circle dot = new Circle(dotAt.x(), dotAt.y(), InitialMarker.DOT_RADIUS, palette.initialStroke());
            Line line = new Line(tail.x(), tail.y(), tip.x(), tip.y() - 2);
            line.setStroke(palette.initialStroke());
            line.setStrokeWidth(1.6);
            group.getChildren().addAll(dot, line, arrowHead(tail, tip, palette.initialStroke()));
        }
        Rectangle box = new Rectangle(0, 0, s.width(), s.height());
        box.setArcWidth(24);
        box.setArcHeight(24);
        Text name = new Text(Labels.elide(s.name(), 32));
        name.setFont(DiagramStyle.NAME_FONT);
        name.setFill(palette.text());
        name.setX((s.width() - name.getLayoutBounds().getWidth()) / 2);
        name.setY(24);
        HBox badges = new HBox(4);
        badges.setLayoutX(10);
        badges.setLayoutY(33);
        if (s.markers().onEnter()) badges.getChildren().add(badge(palette, "enter"));
        if (s.markers().onInput()) badges.getChildren().add(badge(palette, "input"));
        if (s.markers().onExit()) badges.getChildren().add(badge(palette, "exit"));
        if (s.markers().timers()) badges.getChildren().add(badge(palette, "timer"));
        Point h = local(handleCenter(s), origin);
        Circle handle = new Circle(h.x(), h.y(), HANDLE_RADIUS, palette.handleFill());
        handle.setStroke(palette.stateStroke());
        handle.getStyleClass().add("connect-handle");
        group.getChildren().addAll(box, name, badges, handle);
        return new StateNode(s, group, box).movedTo(s);
    }

    private static Point local(Point world, Point origin) {
        return new Point(world.x() - origin.x(), world.y() - origin.y());
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

    /** The line, arrowhead and full label, uncoloured: {@link #style} colours them. */
    static EdgeNodes edge(DiagramPalette palette, DiagramTransition t, EdgeRoute route) {
        return new EdgeNodes(t, route, line(t, route), label(palette, t, route.labelAt()));
    }

    private static Group line(DiagramTransition t, EdgeRoute route) {
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
