package io.detectorstudio.app.e2e;

import io.detectorstudio.app.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs Detector Studio as users do, for an end-to-end test class: through the jar's entry point
 * ({@link Main}, the shaded jar's Main-Class, which is checked), with the real AtlantaFX theme, GTK glass on the
 * X display that {@code src/test/e2e/bin/java} started with a window manager, and fresh preferences and
 * recovery area in a temporary home ({@code user.home} and {@code java.util.prefs.userRoot}). Drive it with
 * {@link #robot()} (TestFX: real mouse and keyboard events through the display server).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AppDriver app = AppDriver.withSample("motor");   // or AppDriver.launch(args...)
 *
 * @Test void something() {
 *     app.robot().clickOn("#some-id");
 *     app.waitUntil("the panel is shown", () -> ...);          // evaluated on the FX thread
 * }
 * }</pre>
 *
 * <p>Every test fails when, while it ran (start-up included for the first test), an exception went uncaught on any
 * thread, a JavaFX logger warned (stylesheet lookups, {@code ClassCastException}s of CSS values…) or a stack trace
 * was printed on stderr. After every test the screen is written to
 * {@code target/e2e-screenshots/<TestClass>.<test>.png}. One application per test class: JavaFX starts once per
 * JVM, and failsafe forks a JVM (and so an X server) per class.
 */
public final class AppDriver implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    /** The node under which the application keeps its preferences ({@code StudioApplication}). */
    public static final String PREFERENCES_NODE = "io/detectorstudio/app";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static boolean launchedInThisJvm;

    private final List<String> args = new ArrayList<>();
    private final List<Consumer<Preferences>> preferenceSeeds = new ArrayList<>();
    private String sample;
    private final ProblemWatch watch = new ProblemWatch();
    private Path home;
    private Path workspace;
    private Thread main;
    private volatile Integer exitCode;
    private Stage stage;
    private FxRobot robot;

    private AppDriver(List<String> args) {
        this.args.addAll(args);
    }

    /** Starts the application with these command-line arguments (none: the start page). */
    public static AppDriver launch(String... args) {
        return new AppDriver(List.of(args));
    }

    /**
     * Starts the application on a copy of {@code samples/<name>} (the directory, as in
     * {@code java -jar detector-studio.jar samples/motor}), so the test may edit and save freely.
     */
    public static AppDriver withSample(String name) {
        AppDriver driver = new AppDriver(List.of());
        driver.sample = name;
        return driver;
    }

    /** Sets preferences before the application starts, as an earlier run would have left them. */
    public AppDriver withPreferences(Consumer<Preferences> seed) {
        preferenceSeeds.add(seed);
        return this;
    }

    /**
     * Makes every save dialog (Save as, Export, Save scenario) answer {@code directory/<suggested name>} without
     * showing GTK's native dialog, which a robot cannot drive; the menu action runs as for a user.
     */
    public AppDriver answeringSaveDialogsIn(Path directory) {
        System.setProperty("detectorstudio.saveDialog.directory", directory.toString());
        return this;
    }

    // ---------------------------------------------------------------------------------------------- for tests

    public FxRobot robot() {
        return robot;
    }

    /** The main window. */
    public Stage stage() {
        return stage;
    }

    /** The temporary home directory (user.home) of this run. */
    public Path home() {
        return home;
    }

    /** Where {@link #withSample} copied the sample: {@code <workspace>/<name>}. */
    public Path workspace() {
        return workspace;
    }

    /** The application's preferences node (written by the application as it runs). */
    public Preferences preferences() {
        return Preferences.userRoot().node(PREFERENCES_NODE);
    }

    /** The repository's root directory (samples/, README.md…). */
    public static Path repository() {
        return Path.of(System.getProperty("e2e.repository", "..")).toAbsolutePath().normalize();
    }

    /**
     * Clicks through the menus as a user does, e.g. {@code clickMenu("File", "Export", "Diagram (PNG)…")}: the menu,
     * then each submenu (entered along its row, so the pointer never crosses a sibling that would close it), then
     * the item.
     */
    public void clickMenu(String... path) {
        robot.clickOn(shown(path[0]));
        for (int i = 1; i < path.length; i++) {
            Node previous = shown(path[i - 1]);
            Node next = shown(path[i]);
            if (i > 1) {
                Bounds row = onFx(() -> previous.localToScreen(previous.getBoundsInLocal()));
                Bounds target = onFx(() -> next.localToScreen(next.getBoundsInLocal()));
                robot.moveTo(new Point2D(target.getMinX() + 10, row.getCenterY()));
            }
            if (i < path.length - 1) {
                robot.moveTo(next);
            } else {
                robot.clickOn(next);
            }
        }
    }

    /** The labelled node with this text in a window that is showing (closed menus leave hidden popups behind). */
    public Node shown(String text) {
        waitUntil("'" + text + "' is shown", () -> robot.lookup((Node n) -> isShown(n, text)).tryQuery().isPresent());
        return robot.lookup((Node n) -> isShown(n, text)).query();
    }

    private static boolean isShown(Node n, String text) {
        return n instanceof Labeled l && text.equals(l.getText()) && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing() && n.isVisible();
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    public <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX work failed", e);
        }
    }

    public void onFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** Waits (up to 20 s) until {@code condition}, evaluated on the FX thread, holds; fails naming {@code what}. */
    public void waitUntil(String what, Supplier<Boolean> condition) {
        waitUntil(what, Duration.ofSeconds(20), condition);
    }

    public void waitUntil(String what, Duration timeout, Supplier<Boolean> condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(onFx(condition::get))) {
                WaitForAsyncUtils.waitForFxEvents();
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            sleep(50);
        }
    }

    /** Writes the screen now to {@code target/e2e-screenshots/<name>.png} (also done after every test). */
    public Path screenshot(String name) {
        try {
            return Screenshots.write(onFx(Screenshots::captureScreen), screenshotDir().resolve(name + ".png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String problem = System.getenv("DETECTOR_STUDIO_E2E_PROBLEM");
        if (problem != null) {
            throw new IllegalStateException("Cannot run end-to-end tests: " + problem);
        }
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("Cannot run end-to-end tests: no X display. Run them with "
                    + "'./mvnw -B verify' (failsafe starts Xvfb and openbox via app/src/test/e2e/bin/java) or "
                    + "set DISPLAY to a display with a window manager.");
        }
        if (launchedInThisJvm) {
            throw new IllegalStateException("One AppDriver per JVM: JavaFX starts once (failsafe forks per class)");
        }
        launchedInThisJvm = true;
        checkEntryPoint();

        home = Files.createTempDirectory("detector-studio-e2e-home");
        System.setProperty("user.home", home.toString());
        System.setProperty("java.util.prefs.userRoot", home.toString());
        Preferences prefs = Preferences.userRoot().node(PREFERENCES_NODE);
        for (Consumer<Preferences> seed : preferenceSeeds) {
            seed.accept(prefs);
        }
        prefs.flush();
        List<String> launchArgs = new ArrayList<>(args);
        if (sample != null) {
            workspace = home.resolve("workspace");
            Path copy = workspace.resolve(sample);
            copyTree(repository().resolve("samples").resolve(sample), copy);
            launchArgs.add(0, copy.toString());
        }

        watch.install();
        long started = System.nanoTime();
        main = new Thread(() -> exitCode = Main.run(launchArgs.toArray(String[]::new)), "detector-studio-main");
        main.start();
        stage = awaitMainWindow();
        robot = new FxRobot();
        WaitForAsyncUtils.waitForFxEvents();
        System.err.printf("e2e: main window of %s shown after %d ms%n", context.getDisplayName(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        Path shot = null;
        if (stage != null) {
            WaitForAsyncUtils.waitForFxEvents();
            shot = screenshot(name);
        }
        List<String> problems = watch.drain();
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problem(s) while the application ran"
                    + (shot == null ? "" : " (screen: " + shot + ")") + ":\n - " + String.join("\n - ", problems));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (main != null) {
                long exiting = System.nanoTime();
                Platform.exit();
                main.join(15_000);
                System.err.printf("e2e: application ended %d ms after Platform.exit()%n",
                        (System.nanoTime() - exiting) / 1_000_000);
                if (main.isAlive()) {
                    throw new AssertionError("the application did not end within 15 s of Platform.exit()");
                }
            }
        } finally {
            watch.uninstall();
            Preferences.userRoot().node(PREFERENCES_NODE).flush();
            deleteTree(home);
        }
    }

    // ---------------------------------------------------------------------------------------------- internals

    private static void checkEntryPoint() throws IOException {
        Path jar = Path.of(System.getProperty("e2e.jar", "target/detector-studio.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the end-to-end tests run after "
                    + "'package' ('./mvnw -B verify')");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            String mainClass = file.getManifest().getMainAttributes().getValue("Main-Class");
            if (!Main.class.getName().equals(mainClass)) {
                throw new IllegalStateException(jar + " starts " + mainClass + ", not " + Main.class.getName());
            }
        }
    }

    private Stage awaitMainWindow() {
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            if (!main.isAlive()) {
                throw new IllegalStateException("the application ended during start-up with exit code " + exitCode
                        + "; problems: " + watch.drain());
            }
            Stage shown = toolkitRunning() ? onFx(AppDriver::shownMainStage) : null;
            if (shown != null) {
                return shown;
            }
            sleep(50);
        }
        throw new IllegalStateException("no main window within " + START_TIMEOUT.toSeconds() + " s; problems: "
                + watch.drain());
    }

    private static boolean toolkitRunning() {
        try {
            Platform.runLater(() -> { });
            return true;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private static Stage shownMainStage() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.getOwner() == null && s.isShowing()) {
                return s;
            }
        }
        return null;
    }

    private Path screenshotDir() {
        return Path.of(System.getProperty("e2e.screenshots", "target/e2e-screenshots"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
