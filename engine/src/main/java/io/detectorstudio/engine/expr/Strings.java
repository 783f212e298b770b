package io.detectorstudio.engine.expr;

/** String-literal escapes (§B.2 [INF]): a backslash takes the next character literally. */
final class Strings {

    private Strings() {
    }

    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String escape(String value, char quote) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        for (char c : value.toCharArray()) {
            if (c == quote || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
