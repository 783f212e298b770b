package io.detectorstudio.app.gui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesTest {

    private final Preferences prefs = Preferences.userRoot().node("detector-studio-test/recent-" + System.nanoTime());

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    @Test
    void projectsThatAllKeepTheirModelInModelJsonAreToldApartByModelNameAndFolder() {
        RecentFiles recent = new RecentFiles(prefs);
        recent.add(Path.of("/home/ana/projects/motor/model.json"), "motorDetectorModel");
        recent.add(Path.of("/home/ana/projects/hvac/model.json"), "hvacModel");
        recent.add(Path.of("/home/ana/projects/motor/model.json"), "motorDetectorModel"); // again: moves first
        assertThat(recent.list()).extracting(RecentFiles.Entry::title)
                .containsExactly("motorDetectorModel", "hvacModel");
        assertThat(recent.list()).extracting(RecentFiles.Entry::where)
                .containsExactly("/home/ana/projects/motor/model.json", "/home/ana/projects/hvac/model.json");
        assertThat(new RecentFiles(prefs).list()).as("kept in the preferences").hasSize(2)
                .first().extracting(RecentFiles.Entry::modelName).isEqualTo("motorDetectorModel");
    }

    @Test
    void entriesWithoutANameAreCalledAfterTheirProjectFolder() {
        RecentFiles recent = new RecentFiles(prefs);
        recent.add(Path.of("/home/ana/projects/freezer/model.json"), null);
        recent.add(Path.of("/home/ana/models/area.json"), null);
        assertThat(recent.list()).extracting(RecentFiles.Entry::title).containsExactly("area.json", "freezer");
        assertThat(recent.list()).extracting(RecentFiles.Entry::where)
                .containsExactly("/home/ana/models", "/home/ana/projects/freezer/model.json");
    }
}
