package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.expr.Functions;
import io.detectorstudio.engine.expr.Lexer;
import io.detectorstudio.engine.expr.Token;
import io.detectorstudio.engine.expr.TokenKind;
import io.detectorstudio.engine.model.FieldKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to offer for a text and caret (no JavaFX): after {@code $input.} the inputs, after {@code $input.Name.}
 * that input's attribute paths, after {@code $variable.} the variables, inside {@code timeout("…")} the timers,
 * inside {@code currentInput("…")} the inputs, inside other strings the state names, elsewhere the 13 functions
 * with their signatures, {@code $input.}/{@code $variable.}, every input attribute and variable as a full
 * reference, {@code timeout("timer")} and true/false. In TEMPLATE
 * mode only the inside of an unclosed {@code ${…}} is code.
 */
public final class CompletionEngine {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A reference chain ending right before the dot that starts the segment being completed. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(\\$input|\\$variable)((?:\\s*\\.\\s*(?:[A-Za-z_][A-Za-z0-9_]*|`[^`]*`)|\\s*\\[\\s*\\d+\\s*])*)\\s*$");
    private static final Pattern SEGMENT = Pattern.compile("\\.\\s*([A-Za-z_][A-Za-z0-9_]*|`[^`]*`)|\\[\\s*(\\d+)\\s*]");

    private CompletionEngine() {
    }

    public static CompletionResult complete(String text, int caret, FieldKind mode, CompletionSource source) {
        caret = Math.max(0, Math.min(caret, text.length()));
        String before = text.substring(0, caret);
        if (mode == FieldKind.TEMPLATE) {
            int open = before.lastIndexOf("${");
            if (open < 0 || before.indexOf('}', open) >= 0) {
                return CompletionResult.none(caret);
            }
            return inCode(before, open + 2, source);
        }
        return inCode(before, 0, source);
    }

    /** {@code before[codeStart..]} is expression text ending at the caret. */
    private static CompletionResult inCode(String before, int codeStart, CompletionSource source) {
        String code = before.substring(codeStart);
        List<Token> tokens = Lexer.tokenize(code, new ArrayList<>());
        Token last = tokens.size() > 1 ? tokens.get(tokens.size() - 2) : null;
        if (last != null && last.kind() == TokenKind.ERROR && last.quote() != '\0' && last.end() == code.length()
                && last.quote() != '`') {
            return inString(before, codeStart, tokens, last, source);
        }
        int caret = before.length();
        int wordStart = caret;
        while (wordStart > codeStart && isWordChar(before.charAt(wordStart - 1))) {
            wordStart--;
        }
        String prefix = before.substring(wordStart);
        if (wordStart > codeStart && before.charAt(wordStart - 1) == '$') {
            List<Completion> roots = List.of(
                    new Completion("$input.", "$input.", Completion.Kind.KEYWORD, "an input's attribute", true),
                    new Completion("$variable.", "$variable.", Completion.Kind.KEYWORD, "a variable", true));
            return result(wordStart - 1, caret, "$" + prefix, roots);
        }
        int dot = wordStart;
        while (dot > codeStart && Character.isWhitespace(before.charAt(dot - 1))) {
            dot--;
        }
        if (dot > codeStart && before.charAt(dot - 1) == '.') {
            return afterDot(before.substring(codeStart, dot - 1), wordStart, caret, prefix, source);
        }
        return result(wordStart, caret, prefix, general(source));
    }

    private static CompletionResult afterDot(String reference, int wordStart, int caret, String prefix,
                                             CompletionSource source) {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.find()) {
            return CompletionResult.none(caret);
        }
        List<String> segments = segments(m.group(2));
        if (m.group(1).equals("$variable")) {
            if (!segments.isEmpty()) {
                return CompletionResult.none(caret);
            }
            return result(wordStart, caret, prefix, source.variables().stream()
                    .map(v -> new Completion(v, quote(v), Completion.Kind.VARIABLE, "variable", false)).toList());
        }
        if (segments.isEmpty()) {
            return result(wordStart, caret, prefix, source.inputs().stream()
                    .map(i -> new Completion(i.name(), quote(i.name()) + ".", Completion.Kind.INPUT,
                            i.attributePaths().size() + " attribute" + (i.attributePaths().size() == 1 ? "" : "s"),
                            true)).toList());
        }
        String input = segments.get(0);
        String soFar = String.join(".", segments.subList(1, segments.size())).replace(".[", "[");
        Set<Completion> items = new LinkedHashSet<>();
        for (CompletionSource.InputSymbol symbol : source.inputs()) {
            if (!symbol.name().equals(input)) {
                continue;
            }
            for (String path : symbol.attributePaths()) {
                String rest = soFar.isEmpty() ? path : path.startsWith(soFar + ".") ? path.substring(soFar.length() + 1)
                        : null;
                if (rest != null && !rest.isEmpty()) {
                    items.add(new Completion(rest, quotePath(rest), Completion.Kind.ATTRIBUTE,
                            "$input." + input + "." + path, false));
                }
            }
        }
        return result(wordStart, caret, prefix, List.copyOf(items));
    }

    /** Segment names of {@code .a.`b c`[0]}: names without backticks, indexes as {@code [0]}. */
    private static List<String> segments(String chain) {
        List<String> out = new ArrayList<>();
        Matcher m = SEGMENT.matcher(chain);
        while (m.find()) {
            if (m.group(2) != null) {
                out.add("[" + m.group(2) + "]");
            } else {
                String name = m.group(1);
                out.add(name.startsWith("`") ? name.substring(1, name.length() - 1) : name);
            }
        }
        return out;
    }

    private static CompletionResult inString(String before, int codeStart, List<Token> tokens, Token string,
                                             CompletionSource source) {
        int contentStart = codeStart + string.start() + 1;
        String content = before.substring(contentStart);
        int template = content.lastIndexOf("${");
        if (string.quote() == '\'' && template >= 0 && content.indexOf('}', template) < 0) {
            return inCode(before, contentStart + template + 2, source);
        }
        int index = tokens.indexOf(string);
        String function = index >= 2 && tokens.get(index - 1).kind() == TokenKind.LPAREN
                && tokens.get(index - 2).kind() == TokenKind.IDENTIFIER ? tokens.get(index - 2).text() : "";
        List<Completion> items = switch (function) {
            case "timeout" -> source.timers().stream()
                    .map(t -> new Completion(t, t, Completion.Kind.TIMER, "timer", false)).toList();
            case "currentInput" -> source.inputs().stream()
                    .map(i -> new Completion(i.name(), i.name(), Completion.Kind.INPUT, "input", false)).toList();
            case "triggerType" -> List.of(new Completion("Message", "Message", Completion.Kind.KEYWORD, "", false),
                    new Completion("Timer", "Timer", Completion.Kind.KEYWORD, "", false));
            default -> source.states().stream()
                    .map(s -> new Completion(s, s, Completion.Kind.STATE, "state", false)).toList();
        };
        return result(contentStart, before.length(), content, items);
    }

    private static List<Completion> general(CompletionSource source) {
        List<Completion> items = new ArrayList<>();
        new TreeMap<>(Functions.SIGNATURE).forEach((name, signature) ->
                items.add(new Completion(name, name + "(", Completion.Kind.FUNCTION, signature, false)));
        items.add(new Completion("$input.", "$input.", Completion.Kind.KEYWORD, "an input's attribute", true));
        items.add(new Completion("$variable.", "$variable.", Completion.Kind.KEYWORD, "a variable", true));
        for (CompletionSource.InputSymbol input : source.inputs()) {
            for (String path : input.attributePaths()) {
                String reference = "$input." + quote(input.name()) + "." + quotePath(path);
                items.add(new Completion(reference, reference, Completion.Kind.ATTRIBUTE, "input attribute", false));
            }
        }
        for (String variable : source.variables()) {
            String reference = "$variable." + quote(variable);
            items.add(new Completion(reference, reference, Completion.Kind.VARIABLE, "variable", false));
        }
        for (String timer : source.timers()) {
            String call = "timeout(\"" + timer + "\")";
            items.add(new Completion(call, call, Completion.Kind.TIMER, "true once after the timer expired", false));
        }
        items.add(new Completion("true", "true", Completion.Kind.KEYWORD, "Boolean", false));
        items.add(new Completion("false", "false", Completion.Kind.KEYWORD, "Boolean", false));
        return items;
    }

    private static CompletionResult result(int start, int end, String prefix, List<Completion> candidates) {
        String p = prefix.toLowerCase(Locale.ROOT);
        List<Completion> matching = candidates.stream().filter(c -> matches(c.label(), p)).toList();
        return new CompletionResult(start, end, matching);
    }

    /** The label starts with the prefix, or a reference's name does ({@code pre} finds {@code $input.PressureInput.…}). */
    private static boolean matches(String label, String lowerPrefix) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.startsWith(lowerPrefix)) {
            return true;
        }
        String name = l.startsWith("$input.") ? l.substring(7) : l.startsWith("$variable.") ? l.substring(10) : null;
        return name != null && !lowerPrefix.isEmpty() && name.startsWith(lowerPrefix);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** A name as an expression segment: backticks around names that are not plain identifiers. */
    static String quote(String name) {
        return NAME.matcher(name).matches() ? name : "`" + name + "`";
    }

    /** {@code a.b c[0]} → {@code a.`b c`[0]}. */
    static String quotePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.", -1)) {
            if (out.length() > 0) {
                out.append('.');
            }
            int bracket = part.indexOf('[');
            String name = bracket >= 0 && part.endsWith("]") ? part.substring(0, bracket) : part;
            out.append(name.isEmpty() ? "" : quote(name)).append(part.substring(name.length()));
        }
        return out.toString();
    }
}
