package io.detectorstudio.editor.graph;

/** Which of a state's event lists have content, and whether it touches timers: drawn as small badges. */
public record StateMarkers(boolean onEnter, boolean onInput, boolean onExit, boolean timers) {
    public static final StateMarkers NONE = new StateMarkers(false, false, false, false);
}
