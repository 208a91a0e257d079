package dev.hangar.ui.auth;

/**
 * Opens a page in the user's browser: JavaFX's {@code HostServices.showDocument} in the app ({@code java.awt.Desktop}
 * is missing on headless and some Linux desktops), a recorder in tests.
 */
@FunctionalInterface
public interface BrowserOpener {

    void open(String url);
}
