package dev.hangar.cli;

import dev.hangar.provision.Launch;
import dev.hangar.provision.LaunchOutcome;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs a prepared or resumed launch for {@code launch} and {@code resume}: Ctrl-C rolls back, the result is printed once. */
final class LaunchRunner {

    private static final String LOG_GROUP = dev.hangar.provision.steps.StepIds.LOG_GROUP_OUTPUT;

    private LaunchRunner() {
    }

    /** @return the exit code: 0 launched, 1 failed (and rolled back) */
    static int run(Launch launch, PrintWriter out, boolean json) throws InterruptedException {
        // Ctrl-C cancels: the launch rolls back, and the process ends once that is done.
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            launch.cancel();
            awaitQuietly(finished);
        }, "hangar-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            LaunchOutcome outcome = launch.run();
            if (json) {
                out.println(Json.write(result(outcome)));
            } else {
                out.println(outcome.message());
                if (outcome.succeeded()) {
                    out.println("Connect: " + outcome.outputs().get("connect"));
                    if (outcome.outputs().get(LOG_GROUP) != null) {
                        out.println("Run logs: " + outcome.outputs().get(LOG_GROUP) + " (hangar logs --launch " + outcome.launchId() + " --follow)");
                    }
                }
            }
            out.flush();
            return outcome.succeeded() ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the launch has finished
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(15, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, Object> result(LaunchOutcome o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("launchId", o.launchId());
        r.put("state", o.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        r.put("instanceId", o.outputs().get("instanceId"));
        r.put("region", o.region());
        r.put("availabilityZone", o.outputs().get("availabilityZone"));
        r.put("connect", o.outputs().get("connect"));
        r.put("dataVolumeId", o.outputs().get("dataVolumeId"));
        if (o.outputs().get(LOG_GROUP) != null) {
            r.put(LOG_GROUP, o.outputs().get(LOG_GROUP)); // a launch with a run: where its output goes
        }
        if (o.outputs().get("sessionManager") != null) {
            r.put("sessionManager", o.outputs().get("sessionManager")); // "online", or why not yet (the launch succeeded either way)
        }
        r.put("message", o.message());
        if (o.failedStep() != null) {
            r.put("failedStep", o.failedStep());
        }
        return r;
    }
}
