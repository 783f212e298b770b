package io.detectorstudio.editor.graph;

/** A state box: top-left {@code position}, size from {@link NodeSize}. */
public record DiagramState(String name, Point position, boolean initial, StateMarkers markers) {

    public double width() {
        return NodeSize.width(name, markers);
    }

    public double height() {
        return NodeSize.HEIGHT;
    }

    public Point center() {
        return new Point(position.x() + width() / 2, position.y() + height() / 2);
    }

    public boolean contains(double x, double y) {
        return x >= position.x() && x <= position.x() + width() && y >= position.y() && y <= position.y() + height();
    }

    public DiagramState at(Point newPosition) {
        return new DiagramState(name, newPosition, initial, markers);
    }

    public DiagramState named(String newName) {
        return new DiagramState(newName, position, initial, markers);
    }

    public DiagramState withInitial(boolean isInitial) {
        return new DiagramState(name, position, isInitial, markers);
    }
}
