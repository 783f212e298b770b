package io.detectorstudio.app.gui.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The most recently opened files (newest first, at most {@link #MAX}), kept in {@link Preferences} with the detector
 * model's name, so the start page can tell the projects apart (they all keep their model in {@code model.json}).
 */
public final class RecentFiles {

    public static final int MAX = 10;
    private final Preferences prefs;

    /** A recent file and the detector model's name when it was opened (null for entries kept before names were). */
    public record Entry(Path file, String modelName) {

        /** What the entry is called: the model's name, else the project folder's name for a model.json, else the file's. */
        public String title() {
            if (modelName != null && !modelName.isBlank()) {
                return modelName;
            }
            Path parent = file.getParent();
            boolean projectModel = file.getFileName().toString().equals("model.json") && parent != null
                    && parent.getFileName() != null;
            return projectModel ? parent.getFileName().toString() : file.getFileName().toString();
        }

        /** Where it is: the folder, with the file name when the title does not already say it. */
        public String where() {
            Path parent = file.getParent();
            String folder = parent == null ? "" : parent.toString();
            String name = file.getFileName().toString();
            return name.equals(title()) ? folder : folder + java.io.File.separator + name;
        }
    }

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = prefs.get("recent." + i, null);
            if (p != null) {
                out.add(new Entry(Path.of(p), prefs.get("recent." + i + ".name", null)));
            }
        }
        return out;
    }

    /** Puts {@code file} first, remembering {@code modelName} (may be null) with it. */
    public void add(Path file, String modelName) {
        Path abs = file.toAbsolutePath().normalize();
        List<Entry> list = new ArrayList<>(list());
        list.removeIf(e -> e.file().equals(abs));
        list.add(0, new Entry(abs, modelName));
        for (int i = 0; i < MAX; i++) {
            if (i < list.size()) {
                prefs.put("recent." + i, list.get(i).file().toString());
                if (list.get(i).modelName() != null) {
                    prefs.put("recent." + i + ".name", list.get(i).modelName());
                } else {
                    prefs.remove("recent." + i + ".name");
                }
            } else {
                prefs.remove("recent." + i);
                prefs.remove("recent." + i + ".name");
            }
        }
    }
}
