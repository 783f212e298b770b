package io.detectorstudio.editor.graph;

/** Edge label text: "event [condition]", elided when long (the full text is shown on hover). */
public final class Labels {
    public static final int MAX_LABEL = 30;

    private Labels() {
    }

    public static String full(DiagramTransition t) {
        return t.condition().isBlank() ? t.event() : t.event() + " [" + t.condition().strip() + "]";
    }

    public static String elided(DiagramTransition t) {
        return elide(full(t).replaceAll("\\s+", " "), MAX_LABEL);
    }

    public static String elide(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
