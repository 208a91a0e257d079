package dev.hangar.app;

import java.util.Map;
import java.util.Optional;

/**
 * Whether the window can open at all: on Linux (and other X11/Wayland systems) JavaFX needs a display, and without one
 * it dies with a stack trace. Said in words instead, with the headless way in.
 */
final class DisplayCheck {

    private DisplayCheck() {
    }

    /** @return why the window cannot open, or empty when it can (or this OS needs no display variable) */
    static Optional<String> missing(String osName, Map<String, String> env, String glassPlatform) {
        boolean x11OrWayland = !osName.startsWith("Windows") && !osName.startsWith("Mac");
        boolean headlessGlass = "Monocle".equalsIgnoreCase(glassPlatform);
        if (!x11OrWayland || headlessGlass || set(env.get("DISPLAY")) || set(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("Hangar's window needs a desktop session, and there is none here (neither DISPLAY nor WAYLAND_DISPLAY is set)."
                + System.lineSeparator() + "Without a window, run a command instead, e.g. 'plan --spec F' or 'status'; '--help' lists them.");
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
