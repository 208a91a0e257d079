package dev.hangar.ui.auth;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for a condition checked on the FX thread. */
final class UiWait {

    private UiWait() {
    }

    static void until(Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                Boolean[] ok = new Boolean[1];
                WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.call()).get();
                return ok[0];
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
