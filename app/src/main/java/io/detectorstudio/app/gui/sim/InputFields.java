package io.detectorstudio.app.gui.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.ExpressionField;
import io.detectorstudio.engine.model.Input;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form the input stepper shows for each input: one field per attribute path (the input definitions' attributes,
 * the paths the model's expressions read, and the model's key), each with a kind guessed from how the model uses
 * it. {@link #payload} turns the entered values into the nested JSON message.
 */
public final class InputFields {

    public enum Kind { NUMBER, STRING, BOOLEAN }

    public record Field(String path, Kind kind) {
    }

    private static final Pattern INPUT_PATH = Pattern.compile("\\$input\\.([A-Za-z][A-Za-z0-9_]*)((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");
    private static final Pattern CURRENT_INPUT = Pattern.compile("currentInput\\(\\s*[\"']([A-Za-z][A-Za-z0-9_]*)[\"']\\s*\\)");
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private InputFields() {
    }

    /** Input name → its fields, in a stable order (definitions first, then what expressions read). */
    public static Map<String, List<Field>> of(DetectorModel model, List<Input> inputs) {
        Map<String, Set<String>> paths = new LinkedHashMap<>();
        for (Input input : inputs) {
            paths.computeIfAbsent(input.inputName(), n -> new LinkedHashSet<>()).addAll(input.attributePaths());
        }
        StringBuilder all = new StringBuilder();
        for (ExpressionField f : model.expressionFields()) {
            all.append(f.text()).append('\n');
            Matcher m = INPUT_PATH.matcher(f.text());
            while (m.find()) {
                paths.computeIfAbsent(m.group(1), n -> new LinkedHashSet<>()).add(m.group(2).substring(1));
            }
            Matcher c = CURRENT_INPUT.matcher(f.text());
            while (c.find()) {
                paths.computeIfAbsent(c.group(1), n -> new LinkedHashSet<>());
            }
        }
        String key = model.key();
        Map<String, List<Field>> out = new LinkedHashMap<>();
        paths.forEach((input, set) -> {
            List<String> ordered = new ArrayList<>();
            if (key != null && !key.isBlank()) {
                ordered.add(key);
            }
            set.stream().filter(p -> !ordered.contains(p)).forEach(ordered::add);
            out.put(input, ordered.stream().map(p -> new Field(p, p.equals(key) ? Kind.STRING
                    : kindOf(all, input, p))).toList());
        });
        return out;
    }

    /** STRING when compared with a quoted literal, BOOLEAN when with true/false, NUMBER otherwise. */
    static Kind kindOf(CharSequence expressions, String input, String path) {
        String ref = Pattern.quote("$input." + input + "." + path);
        if (Pattern.compile(ref + "\\s*(==|!=)\\s*[\"']").matcher(expressions).find()
                || Pattern.compile("[\"']\\s*(==|!=)\\s*" + ref).matcher(expressions).find()) {
            return Kind.STRING;
        }
        if (Pattern.compile(ref + "\\s*(==|!=)\\s*(true|false)\\b").matcher(expressions).find()) {
            return Kind.BOOLEAN;
        }
        return Kind.NUMBER;
    }

    /**
     * The message payload: each field's value at its dotted path (nested objects); blank values are left out.
     *
     * @throws IllegalArgumentException naming the field when a NUMBER field is not a number
     */
    public static ObjectNode payload(List<Field> fields, Map<String, String> values) {
        ObjectNode root = JSON.objectNode();
        for (Field f : fields) {
            String text = values.getOrDefault(f.path(), "");
            if (text == null || text.isBlank()) {
                continue;
            }
            String[] segments = f.path().split("\\.");
            ObjectNode at = root;
            for (int i = 0; i < segments.length - 1; i++) {
                JsonNode child = at.get(segments[i]);
                at = child instanceof ObjectNode o ? o : at.putObject(segments[i]);
            }
            String leaf = segments[segments.length - 1];
            switch (f.kind()) {
                case NUMBER -> at.set(leaf, number(f.path(), text.strip()));
                case BOOLEAN -> at.put(leaf, Boolean.parseBoolean(text.strip()));
                case STRING -> at.put(leaf, text);
            }
        }
        return root;
    }

    private static JsonNode number(String path, String text) {
        try {
            BigDecimal d = new BigDecimal(text);
            return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? JSON.numberNode(d.longValueExact()) : JSON.numberNode(d);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(path + ": '" + text + "' is not a number (e.g. 42 or 3.5)");
        }
    }
}
