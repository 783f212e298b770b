package io.detectorstudio.editor.graph;

/** Label text: a transition's "event [condition]" on one line (hover text, outline); long state names elided. */
public final class Labels {
    private Labels() {
    }

    public static String full(DiagramTransition t) {
        return t.condition().isBlank() ? t.event() : t.event() + " [" + t.condition().strip() + "]";
    }

    public static String elide(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
