package io.detectorstudio.engine.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names → slots for variables and inputs, fixed when a model is compiled: a compiled reference holds its slot and
 * reads an array at run time. Append-only, so slots stay valid while new names (e.g. a BatchUpdateDetector setting
 * a variable no expression mentions) are added. Not thread-safe: one engine (single-threaded) owns it.
 */
public final class SymbolTable {

    private final Map<String, Integer> variableSlots = new HashMap<>();
    private final List<String> variableNames = new ArrayList<>();
    private final Map<String, Integer> inputSlots = new HashMap<>();
    private final List<String> inputNames = new ArrayList<>();
    private final Map<String, Integer> inputPathSlots = new HashMap<>();
    /** by path slot: its input's slot and the path in the payload */
    private final List<Integer> pathInputs = new ArrayList<>();
    private final List<List<Object>> paths = new ArrayList<>();

    public int variableSlot(String name) {
        return variableSlots.computeIfAbsent(name, n -> {
            variableNames.add(n);
            return variableNames.size() - 1;
        });
    }

    /** The slot of a known variable, or -1. */
    public int existingVariableSlot(String name) {
        return variableSlots.getOrDefault(name, -1);
    }

    public int inputSlot(String name) {
        return inputSlots.computeIfAbsent(name, n -> {
            inputNames.add(n);
            return inputNames.size() - 1;
        });
    }

    /**
     * The slot of one {@code $input} reference (an input and a path in it): the frame keeps the value read there
     * for the rest of the cycle, so every expression reading it converts it once ({@link Frame#inputsChanged}).
     */
    public int inputPathSlot(int inputSlot, List<Object> path) {
        return inputPathSlots.computeIfAbsent(inputSlot + "/" + path, k -> {
            pathInputs.add(inputSlot);
            paths.add(List.copyOf(path));
            return paths.size() - 1;
        });
    }

    public int inputPathCount() {
        return paths.size();
    }

    /** The input slot of a path slot. */
    public int pathInput(int pathSlot) {
        return pathInputs.get(pathSlot);
    }

    /** The path (names and indexes) of a path slot. */
    public List<Object> path(int pathSlot) {
        return paths.get(pathSlot);
    }

    /** The slot of a known input, or -1. */
    public int existingInputSlot(String name) {
        return inputSlots.getOrDefault(name, -1);
    }

    public String variableName(int slot) {
        return variableNames.get(slot);
    }

    public String inputName(int slot) {
        return inputNames.get(slot);
    }

    public int variableCount() {
        return variableNames.size();
    }

    public int inputCount() {
        return inputNames.size();
    }

    /** Variable names in slot order. */
    public List<String> variableNames() {
        return Collections.unmodifiableList(new ArrayList<>(variableNames));
    }
}
