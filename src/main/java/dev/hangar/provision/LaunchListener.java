package dev.hangar.provision;

/** Receives a launch's events, on the thread that produced them (any executor thread). */
@FunctionalInterface
public interface LaunchListener {

    LaunchListener NONE = e -> { };

    void on(LaunchEvent event);
}
