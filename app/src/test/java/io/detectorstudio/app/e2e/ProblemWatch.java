package io.detectorstudio.app.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Collects what must fail an end-to-end test: an uncaught exception on any thread (the FX thread's event handlers
 * included), a warning of JavaFX's loggers (the {@code javafx.css} lookups and {@code ClassCastException}s of
 * a stylesheet, binding errors…) or any SEVERE log, and a stack trace printed on stderr by code that caught an
 * exception and only printed it. Everything still reaches the console as before.
 */
final class ProblemWatch {

    /** Logged by JavaFX whenever it runs from the class path, as the shaded jar does: not a defect. */
    private static final String UNNAMED_MODULE_WARNING = "Unsupported JavaFX configuration";
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.<>/]+\\(.*\\)\\s*$");

    private final List<String> problems = new ArrayList<>();
    private final PrintStream originalErr = System.err;
    private Thread.UncaughtExceptionHandler previousHandler;
    private final Handler logHandler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
            boolean javafx = logger.startsWith("javafx") || logger.startsWith("com.sun.javafx");
            boolean counts = r.getLevel().intValue() >= Level.SEVERE.intValue()
                    || (javafx && r.getLevel().intValue() >= Level.WARNING.intValue());
            String message = r.getMessage() == null ? "" : r.getMessage();
            if (counts && !message.startsWith(UNNAMED_MODULE_WARNING)) {
                add(r.getLevel() + " " + logger + ": " + message
                        + (r.getThrown() == null ? "" : "\n" + stackTrace(r.getThrown())));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    void install() {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            add("uncaught exception on thread '" + thread.getName() + "': " + stackTrace(e));
            e.printStackTrace(originalErr);
        });
        Logger.getLogger("").addHandler(logHandler);
        System.setErr(new PrintStream(new StackTraceSpotter(originalErr), true, StandardCharsets.UTF_8));
    }

    void uninstall() {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        Logger.getLogger("").removeHandler(logHandler);
        System.err.flush();
        System.setErr(originalErr);
    }

    /** The problems seen since the last call, and forgets them. */
    synchronized List<String> drain() {
        List<String> out = List.copyOf(problems);
        problems.clear();
        return out;
    }

    private synchronized void add(String problem) {
        problems.add(problem);
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** Passes stderr through, and reports the line before the first "\tat …" frame of every printed trace. */
    private final class StackTraceSpotter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private String previous = "";
        private boolean inTrace;

        StackTraceSpotter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            target.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                boolean frame = STACK_FRAME.matcher(text).matches();
                if (frame && !inTrace) {
                    add("stack trace printed on stderr: " + previous);
                }
                inTrace = frame || (inTrace && text.startsWith("Caused by"));
                previous = text;
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
