package io.detectorstudio.engine.model;

/**
 * One evaluated string field of a model.
 *
 * @param path JSON path of the field, absolute ({@code $.detectorModelDefinition...}) or relative to its action
 *             ({@code setVariable.value}) depending on where it came from
 * @param text the field's decoded string value
 * @param kind whether it is a full expression or a {@code ${}} template
 */
public record ExpressionField(String path, String text, FieldKind kind) {

    /** The same field with {@code prefix} put in front of its path (joined with a dot). */
    public ExpressionField under(String prefix) {
        return new ExpressionField(prefix + "." + path, text, kind);
    }
}
