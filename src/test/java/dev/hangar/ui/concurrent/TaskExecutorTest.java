package dev.hangar.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class TaskExecutorTest {

    @Test
    void theCurrentThreadExecutorRunsAtOnceInOrder() {
        List<String> seen = new ArrayList<>();
        SimpleBooleanProperty busy = new SimpleBooleanProperty();
        busy.addListener((obs, old, now) -> seen.add("busy=" + now));
        Tasks.create(() -> {
            seen.add("work");
            return 42;
        }).busy(busy).onSuccess(v -> seen.add("success " + v)).andFinally(() -> seen.add("finally")).runOn(new CurrentThreadTaskExecutor());
        assertThat(seen).containsExactly("busy=true", "work", "success 42", "busy=false", "finally");
    }

    @Test
    void anErrorGoesToTheFirstHandlerOfItsType() {
        List<String> seen = new ArrayList<>();
        Tasks.create(() -> {
            throw new UncheckedIOException(new IOException("disk full"));
        }).onSuccess(v -> seen.add("success"))
                .onError(IllegalStateException.class, e -> seen.add("state"))
                .onError(UncheckedIOException.class, e -> seen.add("io " + e.getCause().getMessage()))
                .onError(Exception.class, e -> seen.add("any"))
                .andFinally(() -> seen.add("finally"))
                .runOn(new CurrentThreadTaskExecutor());
        assertThat(seen).containsExactly("io disk full", "finally");
    }

    @Test
    void anUnhandledErrorStillRunsFinallyAndClearsBusy() {
        SimpleBooleanProperty busy = new SimpleBooleanProperty();
        List<String> seen = new ArrayList<>();
        Tasks.create(() -> {
            throw new IllegalArgumentException("x");
        }).busy(busy).andFinally(() -> seen.add("finally")).runOn(new CurrentThreadTaskExecutor());
        assertThat(seen).containsExactly("finally");
        assertThat(busy.get()).isFalse();
    }

    @Test
    void theFxExecutorWorksOffTheFxThreadAndHandsResultsToIt() throws Exception {
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            CountDownLatch done = new CountDownLatch(1);
            String[] threads = new String[2];
            boolean[] onFx = new boolean[1];
            Platform.runLater(() -> Tasks.create(() -> {
                threads[0] = Thread.currentThread().getName();
                return "ok";
            }).onSuccess(v -> {
                threads[1] = v;
                onFx[0] = Platform.isFxApplicationThread();
                done.countDown();
            }).runOn(executor));
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(threads[0]).startsWith("hangar-ui-task-");
            assertThat(threads[1]).isEqualTo("ok");
            assertThat(onFx[0]).isTrue();
        }
    }

    @Test
    void aHeldFxExecutorShowsTasksBusyButRunsThemOnlyWhenReleased() throws Exception {
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            SimpleBooleanProperty busy = new SimpleBooleanProperty();
            List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(2);
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                executor.hold();
                Tasks.create(() -> ran.add("first")).busy(busy).andFinally(done::countDown).runOn(executor);
                Tasks.create(() -> ran.add("second")).andFinally(done::countDown).runOn(executor);
            }).get(10, TimeUnit.SECONDS);
            Thread.sleep(200);
            assertThat(ran).as("nothing runs while held").isEmpty();
            assertThat(busy.get()).as("a held task shows busy").isTrue();

            org.testfx.util.WaitForAsyncUtils.asyncFx(executor::release).get(10, TimeUnit.SECONDS);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactlyInAnyOrder("first", "second");
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(busy.get()).isFalse();
        }
    }

    @Test
    void aCancelledTaskNeverRunsItsHandlersOnTheCurrentThreadExecutor() {
        List<String> seen = new ArrayList<>();
        SimpleBooleanProperty busy = new SimpleBooleanProperty();
        // The work runs at once on this thread, so it is cancelled from inside, as a newer request would.
        java.util.concurrent.atomic.AtomicReference<BackgroundTask<Integer>> self = new java.util.concurrent.atomic.AtomicReference<>();
        self.set(Tasks.create(() -> {
            self.get().cancel();
            return 42;
        }).busy(busy).onSuccess(v -> seen.add("success")).onError(Exception.class, e -> seen.add("error"))
                .andFinally(() -> seen.add("finally")));
        TaskHandle handle = self.get().runOn(new CurrentThreadTaskExecutor());
        assertThat(seen).containsExactly("finally");
        assertThat(handle.isCancelled()).isTrue();
        assertThat(busy.get()).isFalse();
    }

    @Test
    void aCancelledTaskNeverRunsItsHandlersOnTheFxExecutorAndItsWorkerIsInterrupted() throws Exception {
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            SimpleBooleanProperty busy = new SimpleBooleanProperty();
            CountDownLatch working = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            CountDownLatch next = new CountDownLatch(1);
            TaskHandle first = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> Tasks.create(() -> {
                working.countDown();
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return "old";
            }).busy(busy).onSuccess(seen::add).onError(Exception.class, e -> seen.add("error")).runOn(executor))
                    .get(10, TimeUnit.SECONDS);
            assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                first.cancel();
                Tasks.create(() -> "new").onSuccess(v -> {
                    seen.add(v);
                    next.countDown();
                }).runOn(executor);
            }).get(10, TimeUnit.SECONDS);
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the worker is interrupted").isTrue();
            assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(seen).containsExactly("new");
            assertThat(first.isCancelled()).isTrue();
            assertThat(busy.get()).isFalse();
        }
    }
}
