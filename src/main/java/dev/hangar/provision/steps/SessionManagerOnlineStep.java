package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.WAIT_SESSION_MANAGER_ONLINE;

import dev.hangar.blueprint.AwsErrors;
import dev.hangar.provision.Fact;
import dev.hangar.provision.LaunchCancelledException;
import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.LaunchFacts;
import java.util.List;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.PingStatus;

/**
 * The last step: waits, within {@link dev.hangar.provision.Pacing#sessionManagerTimeout()}, until Session Manager lists
 * the instance online, since that (not "running") is when the researcher can connect. It never fails the launch: an
 * instance still offline when the time is up (or a Session Manager that cannot be asked) is a note in the launch's
 * outputs ({@link #OUTPUT}) and events. A cancel still ends it, and the launch rolls back as ever.
 */
final class SessionManagerOnlineStep extends BaseStep {

    /** The journal output: {@link #ONLINE}, or a sentence saying why not yet. */
    static final String OUTPUT = "sessionManager";
    static final String ONLINE = "online";

    /** @param after every step without dependents: this one comes last */
    SessionManagerOnlineStep(List<String> after) {
        super(WAIT_SESSION_MANAGER_ONLINE, "Wait until Session Manager reports the instance online", after);
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public List<Fact<?>> reads() {
        return List.of(LaunchFacts.INSTANCE);
    }

    @Override
    public String apply(LaunchContext ctx) throws Exception {
        String instanceId = ctx.facts().get(LaunchFacts.INSTANCE).instanceId();
        long start = System.nanoTime();
        String note;
        try {
            ctx.waits().steadily("Session Manager to report " + instanceId + " online", ctx.waits().pacing().sessionManagerTimeout(),
                    () -> online(ctx, instanceId),
                    s -> ctx.waiting(id(), "the instance's Session Manager agent has not reported in yet (" + s + " s)"));
            ctx.journal().output(OUTPUT, ONLINE);
            return ONLINE;
        } catch (LaunchCancelledException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            long waited = (System.nanoTime() - start) / 1_000_000_000L;
            note = e instanceof dev.hangar.blueprint.StepFailedException
                    ? "not online after " + waited + " s; the instance runs, and a session can be opened once its agent reports in"
                    : "could not ask Session Manager (" + AwsErrors.brief(e) + "); the instance runs";
        }
        ctx.journal().output(OUTPUT, note);
        ctx.waiting(id(), "Session Manager: " + note);
        return note;
    }

    private static boolean online(LaunchContext ctx, String instanceId) {
        List<InstanceInformation> found = ctx.ssm().describeInstanceInformation(r -> r.filters(InstanceInformationStringFilter.builder()
                .key("InstanceIds").values(instanceId).build())).instanceInformationList();
        return found.stream().anyMatch(i -> instanceId.equals(i.instanceId()) && i.pingStatus() == PingStatus.ONLINE);
    }
}
