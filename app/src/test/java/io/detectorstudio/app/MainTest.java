package io.detectorstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void noArgumentsOrAFileOpenTheGui() {
        assertThat(Main.opensGui(new String[0])).isTrue();
        assertThat(Main.opensGui(new String[] {"model.json"})).isTrue();
    }

    @Test
    void optionsAndSubcommandsStayHeadless() {
        assertThat(Main.opensGui(new String[] {"--help"})).isFalse();
        assertThat(Main.opensGui(new String[] {"help"})).isFalse();
    }

    @Test
    void helpExitsZero() {
        assertThat(Main.run("--help")).isZero();
    }

    @Test
    void unknownOptionExitsTwo() {
        assertThat(Main.run("--no-such-option")).isEqualTo(2);
    }
}
