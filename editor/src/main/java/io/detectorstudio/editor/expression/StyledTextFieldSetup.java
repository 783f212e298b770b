package io.detectorstudio.editor.expression;

import javafx.application.Application;
import org.fxmisc.richtext.StyledTextField;

/**
 * Initialises RichTextFX's {@link StyledTextField} so that it works under any user-agent stylesheet.
 *
 * <p>Its static initialiser names its own stylesheet after the application's user-agent stylesheet
 * ({@code "styled-text-field-" + name.toLowerCase() + ".css"}) and ships one only for JavaFX's built-in Modena and
 * Caspian. Under any other theme (the app's AtlantaFX themes: {@code /atlantafx/base/theme/primer-light.css}) the
 * resource is missing, the initialiser throws and every later field is a {@code NoClassDefFoundError}. RichTextFX
 * reads the system property {@code javafx.userAgentStylesheetUrl} first, so the class is initialised once with that
 * property naming Modena, and the property is removed again at once: JavaFX itself reads it whenever a user-agent
 * stylesheet is set, where it must stay absent. The Modena field sheet styles the field with Modena's looked-up
 * colours ({@code -fx-control-inner-background}, {@code -fx-text-box-border}, {@code -fx-focus-color}…), the
 * standard palette names a host theme maps its colours onto (the app: {@code theme.css}).
 */
final class StyledTextFieldSetup {

    static final String OVERRIDE_PROPERTY = "javafx.userAgentStylesheetUrl";
    private static boolean initialised;

    private StyledTextFieldSetup() {
    }

    /** Call before the first {@code StyledTextField} is created (on the FX thread). */
    static synchronized void ensureInitialised() {
        if (initialised) {
            return;
        }
        if (builtIn(Application.getUserAgentStylesheet()) || System.getProperty(OVERRIDE_PROPERTY) != null) {
            initialise();
        } else {
            System.setProperty(OVERRIDE_PROPERTY, Application.STYLESHEET_MODENA);
            try {
                initialise();
            } finally {
                System.clearProperty(OVERRIDE_PROPERTY);
            }
        }
        initialised = true;
    }

    static boolean builtIn(String userAgentStylesheet) {
        return userAgentStylesheet == null
                || Application.STYLESHEET_MODENA.equalsIgnoreCase(userAgentStylesheet)
                || Application.STYLESHEET_CASPIAN.equalsIgnoreCase(userAgentStylesheet);
    }

    private static void initialise() {
        try {
            Class.forName(StyledTextField.class.getName(), true, StyledTextField.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("RichTextFX is not on the class path", e);
        }
    }
}
