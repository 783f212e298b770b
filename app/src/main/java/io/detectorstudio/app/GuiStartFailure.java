package io.detectorstudio.app;

import java.lang.reflect.InvocationTargetException;

/**
 * What to tell a user whose machine cannot show the GUI, from the exception JavaFX's start-up ended with (plain
 * Java: the launcher must not link JavaFX to say that JavaFX failed).
 */
final class GuiStartFailure {

    static final String GTK_PACKAGES = "libgtk-3-0 (Debian/Ubuntu: sudo apt-get install libgtk-3-0 fonts-dejavu-core)";

    private GuiStartFailure() {
    }

    /** One sentence naming the cause and what to do, e.g. "JavaFX could not load GTK 3: install libgtk-3-0 …". */
    static String describe(Throwable failure) {
        Throwable cause = rootCause(failure);
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof UnsupportedOperationException && message.contains("Unable to open DISPLAY")) {
            return "there is no display to open the window on (DISPLAY is not set or the X server refused the "
                    + "connection): start it from a desktop session";
        }
        if (cause instanceof UnsupportedOperationException && message.contains("GTK")) {
            return "JavaFX could not load GTK 3: install " + GTK_PACKAGES;
        }
        if (cause instanceof UnsatisfiedLinkError) {
            return "JavaFX could not load a native library (" + message + "): on Linux install " + GTK_PACKAGES;
        }
        if (cause instanceof ClassNotFoundException || cause instanceof NoClassDefFoundError) {
            return "JavaFX is missing (" + message + "): run the detector-studio.jar built by ./mvnw package";
        }
        return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (true) {
            Throwable next = t instanceof InvocationTargetException ite ? ite.getTargetException() : t.getCause();
            if (next == null || next == t) {
                return t;
            }
            t = next;
        }
    }
}
