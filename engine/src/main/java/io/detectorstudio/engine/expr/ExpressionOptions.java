package io.detectorstudio.engine.expr;

/**
 * Switches for the behaviours the documentation leaves open. Each default is the one the semantics reference
 * recommends; the section is named on each component.
 *
 * @param integerDivisionRoundsHalfUp §B.3 [GAP]: Integer / Integer truncates toward zero (false, default) or rounds
 *                                    half up ("rounded integer")
 * @param orTreatsUndefinedOperandAsFalse §B.6 rule 3: an {@code ||} operand that touched undefined data is false
 * @param templatesInDoubleQuotes §B.7 [GAP]: also expand {@code ${…}} inside double-quoted strings (lenient)
 */
public record ExpressionOptions(boolean integerDivisionRoundsHalfUp, boolean orTreatsUndefinedOperandAsFalse,
                                boolean templatesInDoubleQuotes) {

    public static final ExpressionOptions DEFAULTS = new ExpressionOptions(false, true, false);
}
