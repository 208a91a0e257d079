package dev.hangar.ui.concurrent;

import java.util.concurrent.Callable;

/** Entry point of the fluent task builder. */
public final class Tasks {

    private Tasks() {
    }

    public static <T> BackgroundTask<T> create(Callable<T> work) {
        return new BackgroundTask<>(work);
    }
}
