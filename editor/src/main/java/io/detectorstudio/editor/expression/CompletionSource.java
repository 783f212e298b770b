package io.detectorstudio.editor.expression;

import java.util.List;

/**
 * The names an expression can use, filled by the caller from the model being edited (see {@link ModelSymbols}).
 * Read on the FX thread each time completion opens, so an implementation may follow a changing model.
 */
public interface CompletionSource {

    /** Empty: completion then offers only functions and keywords. */
    CompletionSource EMPTY = of(List.of(), List.of(), List.of(), List.of());

    /** Inputs with the JSON paths of their attributes ({@code sensorData.pressure}). */
    List<InputSymbol> inputs();

    /** Variable names (set by setVariable actions). */
    List<String> variables();

    /** Timer names (set by setTimer actions). */
    List<String> timers();

    /** State names. */
    List<String> states();

    /** An input and its attribute paths, in declaration order. */
    record InputSymbol(String name, List<String> attributePaths) {
        public InputSymbol {
            attributePaths = List.copyOf(attributePaths);
        }
    }

    /** A fixed source. */
    static CompletionSource of(List<InputSymbol> inputs, List<String> variables, List<String> timers,
                               List<String> states) {
        return new Fixed(inputs, variables, timers, states);
    }

    /** An immutable {@link CompletionSource}. */
    record Fixed(List<InputSymbol> inputs, List<String> variables, List<String> timers, List<String> states)
            implements CompletionSource {
        public Fixed {
            inputs = List.copyOf(inputs);
            variables = List.copyOf(variables);
            timers = List.copyOf(timers);
            states = List.copyOf(states);
        }
    }
}
