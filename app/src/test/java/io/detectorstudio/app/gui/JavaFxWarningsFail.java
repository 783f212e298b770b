package io.detectorstudio.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test of the app module fails when JavaFX logged a warning during it — a stylesheet's lookups or
 * {@code ClassCastException}s, a binding error — as the end-to-end tests do ({@code ProblemWatch}). Registered for
 * all of them (META-INF/services, junit-platform.properties): the component tests had logged ~690 CSS warnings a run
 * unnoticed.
 */
public final class JavaFxWarningsFail implements BeforeEachCallback, AfterEachCallback {

    /** Logged by JavaFX whenever it runs from the class path: not a defect. */
    private static final String UNNAMED_MODULE_WARNING = "Unsupported JavaFX configuration";
    private static final List<String> WARNINGS = new ArrayList<>();
    private static boolean installed;

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (WARNINGS) {
            if (!installed) {
                Logger.getLogger("").addHandler(new Collector());
                installed = true;
            }
            WARNINGS.clear();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> seen;
        synchronized (WARNINGS) {
            seen = new ArrayList<>(WARNINGS);
            WARNINGS.clear();
        }
        if (!seen.isEmpty()) {
            throw new AssertionError(seen.size() + " JavaFX warning(s) during the test, the first: " + seen.get(0));
        }
    }

    private static final class Collector extends Handler {
        @Override
        public void publish(LogRecord r) {
            String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
            String message = r.getMessage() == null ? "" : r.getMessage();
            if ((logger.startsWith("javafx") || logger.startsWith("com.sun.javafx"))
                    && r.getLevel().intValue() >= Level.WARNING.intValue() && !message.startsWith(UNNAMED_MODULE_WARNING)) {
                synchronized (WARNINGS) {
                    WARNINGS.add(logger + ": " + message);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
