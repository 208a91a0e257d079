package dev.hangar.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What IAM's policy simulator says of the caller: every action allowed, unless a test denies it. */
public final class FakeIamSimulator {

    private final Set<String> denied = ConcurrentHashMap.newKeySet();

    /** The caller's policies do not grant {@code action} (e.g. ssm:StartSession): the simulator says implicitDeny. */
    public void deny(String action) {
        denied.add(action);
    }

    boolean allows(String action) {
        return !denied.contains(action);
    }

    void reset() {
        denied.clear();
    }
}
