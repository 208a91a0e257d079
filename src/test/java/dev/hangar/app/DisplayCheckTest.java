package dev.hangar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayCheckTest {

    @Test
    void linuxWithoutADisplaySaysSoAndHowToRunHeadless() {
        assertThat(DisplayCheck.missing("Linux", Map.of(), null)).hasValueSatisfying(m -> assertThat(m)
                .contains("DISPLAY", "WAYLAND_DISPLAY", "--help"));
        assertThat(DisplayCheck.missing("Linux", Map.of("DISPLAY", " "), null)).isPresent();
    }

    @Test
    void aDisplayWaylandMonocleOrAnotherOsNeedNothing() {
        assertThat(DisplayCheck.missing("Linux", Map.of("DISPLAY", ":0"), null)).isEmpty();
        assertThat(DisplayCheck.missing("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isEmpty();
        assertThat(DisplayCheck.missing("Linux", Map.of(), "Monocle")).isEmpty();
        assertThat(DisplayCheck.missing("Mac OS X", Map.of(), null)).isEmpty();
        assertThat(DisplayCheck.missing("Windows 11", Map.of(), null)).isEmpty();
    }
}
