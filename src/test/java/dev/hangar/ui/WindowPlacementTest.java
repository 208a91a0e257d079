package dev.hangar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme is remembered the moment it is chosen, without a window, and keeps the window's saved place. */
class WindowPlacementTest {

    @TempDir Path home;

    @Test
    void theThemeIsSavedWithNoPlaceYet() {
        Path file = home.resolve("window.json");
        WindowPlacement.saveTheme(file, Theme.DARK);
        assertThat(WindowPlacement.load(file)).get().extracting(WindowPlacement::theme).isEqualTo(Theme.DARK);
    }

    @Test
    void savingTheThemeKeepsTheWindowsPlace() {
        Path file = home.resolve("window.json");
        new WindowPlacement(40, 60, 1200, 800, false, Theme.LIGHT).save(file);
        WindowPlacement.saveTheme(file, Theme.DARK);
        assertThat(WindowPlacement.load(file)).contains(new WindowPlacement(40, 60, 1200, 800, false, Theme.DARK));
        WindowPlacement.saveTheme(file, Theme.LIGHT);
        assertThat(WindowPlacement.load(file)).contains(new WindowPlacement(40, 60, 1200, 800, false, Theme.LIGHT));
    }
}
