package io.detectorstudio.editor.expression;

/**
 * One completion proposal.
 *
 * @param label  what the list shows
 * @param insert the text that replaces the typed prefix
 * @param kind   what it names
 * @param detail a signature or description shown beside the label
 * @param chain  whether completion should open again after inserting (e.g. after {@code PressureInput.})
 */
public record Completion(String label, String insert, Kind kind, String detail, boolean chain) {

    public enum Kind { INPUT, ATTRIBUTE, VARIABLE, TIMER, FUNCTION, STATE, KEYWORD }
}
