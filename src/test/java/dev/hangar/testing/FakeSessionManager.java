package dev.hangar.testing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which instances Session Manager reports, and how (the state behind {@link SsmInstanceInformationApi}). The rule, in
 * {@link #pingStatus}: an instance's agent registers as soon as the instance runs and its agent is up (at once, unless a
 * {@link TimingProfile} is on: then {@link TimingProfile#sessionManagerAfterRunning} after it began to run, and not
 * before its network reaches Systems Manager), and is {@code Online} from then on while it runs; once registered, a
 * stopped instance shows {@code ConnectionLost}; a terminated one is dropped. A test holds an instance offline (not
 * registered yet, as in the minutes after a real start) with {@link #holdOffline}, or every instance, even those not
 * launched yet, with {@link #holdAllOffline}; and lets it register with {@link #release}. Reset before every test.
 */
public final class FakeSessionManager {

    /** Session Manager's PingStatus values. */
    public enum PingStatus {
        Online, ConnectionLost, Inactive
    }

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Released one by one while {@link #holdAll}. */
    private final Set<String> released = ConcurrentHashMap.newKeySet();
    private volatile boolean holdAll;
    /** Instances whose agent has been reported Online once: a stop then shows as a lost connection, not as never seen. */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    FakeSessionManager() {
    }

    /** The instance's agent has not registered: DescribeInstanceInformation leaves it out until {@link #release}. */
    public FakeSessionManager holdOffline(String instanceId) {
        held.add(instanceId);
        released.remove(instanceId);
        return this;
    }

    /** Every instance is held offline, those launched later too (whose IDs a test does not know yet), until released one by one. */
    public FakeSessionManager holdAllOffline() {
        holdAll = true;
        return this;
    }

    /** The instance registers as soon as it runs (at once, when it runs already). */
    public FakeSessionManager release(String instanceId) {
        held.remove(instanceId);
        released.add(instanceId);
        return this;
    }

    private boolean isHeld(String instanceId) {
        return held.contains(instanceId) || holdAll && !released.contains(instanceId);
    }

    /**
     * How Session Manager lists the instance, given EC2's state of it; empty when it is not listed. The one place the
     * rule lives.
     *
     * @param agentUp whether the instance's agent can have registered by now (the timing profile's say; true without one)
     */
    Optional<PingStatus> pingStatus(String instanceId, String ec2State, boolean agentUp) {
        if ("running".equals(ec2State) && agentUp && !isHeld(instanceId)) {
            registered.add(instanceId);
            return Optional.of(PingStatus.Online);
        }
        if (registered.contains(instanceId) && !"terminated".equals(ec2State)) {
            return Optional.of(PingStatus.ConnectionLost); // held again after it was online: the agent stopped answering
        }
        return Optional.empty();
    }

    void reset() {
        holdAll = false;
        held.clear();
        released.clear();
        registered.clear();
    }
}
