package dev.hangar.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;

/**
 * Runs work once a window's first frame has been drawn. Work the first frame does not need (signing in,
 * loading the window's icons) waits for it, so the window appears sooner: on a cold start the JVM has few
 * cores to spare, and a background thread loading the AWS SDK slowed the first frame down by itself.
 *
 * <p>How: an {@link AnimationTimer} started when the window shows. Its first tick comes at the start of the
 * pulse that lays out the first frame and hands it to the render thread; its second tick, one pulse later,
 * may still find that frame rendering. So on the second tick a 1×1 snapshot is taken: it is rendered on the
 * same render thread after the jobs already queued, and the FX thread waits for it, so the first frame is
 * done when it returns. (The app's start-up probe reports the first frame through it too.)
 */
public final class FirstFrame {

    private FirstFrame() {
    }

    /** Runs {@code work} on the FX thread once {@code window}'s first frame is drawn (or the next one, if it already shows). */
    public static void then(Window window, Runnable work) {
        AnimationTimer timer = new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks < 2) {
                    return;
                }
                stop();
                new Rectangle(1, 1).snapshot(null, null);
                work.run();
            }
        };
        if (window.isShowing()) {
            timer.start();
            return;
        }
        window.showingProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean showing) {
                if (showing) {
                    obs.removeListener(this);
                    timer.start();
                }
            }
        });
    }
}
