package io.detectorstudio.engine.expr;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the checker knows of the names an expression may use, taken from the model and its input definitions.
 *
 * @param inputs    input name → the JSON paths of its attributes (segments); null when no input definitions are
 *                  known, so input names cannot be checked
 * @param variables variable name → inferred type, for every variable some setVariable action sets; null when
 *                  unknown (an expression checked on its own)
 * @param timers    timer names some setTimer action sets; null when unknown
 * @param states    state names, for completion and messages
 */
public record SymbolEnvironment(Map<String, List<List<String>>> inputs, Map<String, StaticType> variables,
                                Set<String> timers, Set<String> states) {

    public static final SymbolEnvironment NONE = new SymbolEnvironment(null, null, null, Set.of());

    public boolean inputsKnown() {
        return inputs != null;
    }
}
