package io.detectorstudio.editor.diagram;

import io.detectorstudio.editor.graph.DiagramState;
import java.util.ArrayList;
import java.util.List;

/** The hover text of a state box: its full name and what its badges mean. */
final class HoverText {
    private HoverText() {
    }

    static String of(DiagramState s) {
        List<String> lines = new ArrayList<>();
        lines.add(s.initial() ? s.name() + " (initial state)" : s.name());
        if (s.markers().onEnter()) lines.add("enter: has onEnter events");
        if (s.markers().onInput()) lines.add("input: has onInput events");
        if (s.markers().onExit()) lines.add("exit: has onExit events");
        if (s.markers().timers()) lines.add("timer: sets, resets, clears or tests timers");
        return String.join("\n", lines);
    }
}
