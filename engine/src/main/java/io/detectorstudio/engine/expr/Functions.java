package io.detectorstudio.engine.expr;

import java.util.Map;

/** The 13 documented functions and their arities (§B.4); nothing else is part of the language. */
public final class Functions {

    /** name → arity */
    public static final Map<String, Integer> ARITY = Map.ofEntries(
            Map.entry("timeout", 1), Map.entry("convert", 2), Map.entry("isNull", 1), Map.entry("isUndefined", 1),
            Map.entry("triggerType", 1), Map.entry("currentInput", 1), Map.entry("startsWith", 2),
            Map.entry("endsWith", 2), Map.entry("contains", 2), Map.entry("bitor", 2), Map.entry("bitand", 2),
            Map.entry("bitxor", 2), Map.entry("bitnot", 1));

    /** Signatures shown by completion. */
    public static final Map<String, String> SIGNATURE = Map.ofEntries(
            Map.entry("timeout", "timeout(\"timerName\") → Boolean, true once after the timer expired"),
            Map.entry("convert", "convert(String|Boolean|Decimal, value)"),
            Map.entry("isNull", "isNull(value) → Boolean"), Map.entry("isUndefined", "isUndefined(value) → Boolean"),
            Map.entry("triggerType", "triggerType(\"Message\"|\"Timer\") → Boolean"),
            Map.entry("currentInput", "currentInput(\"InputName\") → Boolean"),
            Map.entry("startsWith", "startsWith(string, prefix) → Boolean"),
            Map.entry("endsWith", "endsWith(string, suffix) → Boolean"),
            Map.entry("contains", "contains(string, part) → Boolean"),
            Map.entry("bitor", "bitor(int, int) → Integer"), Map.entry("bitand", "bitand(int, int) → Integer"),
            Map.entry("bitxor", "bitxor(int, int) → Integer"), Map.entry("bitnot", "bitnot(int) → Integer"));

    private Functions() {
    }

    public static boolean isFunction(String name) {
        return ARITY.containsKey(name);
    }
}
