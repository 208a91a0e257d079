package dev.hangar.bench;

import dev.hangar.provision.LaunchPlan;
import dev.hangar.provision.Step;
import dev.hangar.testing.TimingProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * How soon a launch could have the instance ready for its researcher (Session Manager lists it online) if no time were
 * lost: the earliest schedule of its plan, each step starting once its dependencies are done and making one call per
 * distinct operation it made, as long as its last call of that operation took (a repeated operation within a step is a
 * poll or a retry that an ideal launch would not need; the endpoint's own time per call is the same for any launch),
 * plus the waits the {@link TimingProfile} puts between the call that creates a thing and the call that needs it
 * settled:
 * <ul>
 * <li>RunInstances can use the instance profile {@code instanceProfileInvisible} after CreateInstanceProfile;</li>
 * <li>the step that polls DescribeInstances after RunInstances sees it running {@code instancePending} after it;</li>
 * <li>Session Manager lists it {@code sessionManagerAfterRunning} after that, and (when the profile says so) not before a
 * NAT gateway the launch created is available, or else the ssm/ssmmessages/ec2messages endpoints it created are.</li>
 * </ul>
 * The path ends with the call that finds it online: the launch's own step that asks DescribeInstanceInformation, or,
 * when its plan has none (before Hangar waits for Session Manager), one more call of whoever asks next.
 */
final class ReadyCriticalPath {

    /** The length of the path and the steps and waits along it, first to last. */
    record Result(double ms, List<String> chain) {
    }

    /** Where the instance is ready when no step of the plan waits for it. */
    static final String SESSION_MANAGER_ONLINE = "(Session Manager online)";

    private static final List<String> SESSION_MANAGER_ENDPOINTS = List.of(".ssm", ".ssmmessages", ".ec2messages");

    private record Wait(String from, double ms, String why) {
    }

    private ReadyCriticalPath() {
    }

    /**
     * @param callsByStep the calls each step made in the measured launch (see {@link StepTimeline#callsByStep})
     * @param checkMs     how long the caller's own call that finds the instance online takes, when no step makes it
     */
    static Result of(LaunchPlan plan, Map<String, List<CallLog.Entry>> callsByStep, TimingProfile profile, double checkMs) {
        Map<String, Double> weight = new HashMap<>();
        Map<String, Integer> callCount = new HashMap<>();
        for (Step step : plan.steps()) {
            Map<String, Long> lastCall = new LinkedHashMap<>();
            callsByStep.getOrDefault(step.id(), List.of()).forEach(c -> lastCall.put(c.operation(), c.endNanos() - c.startNanos()));
            weight.put(step.id(), lastCall.values().stream().mapToLong(Long::longValue).sum() / 1e6);
            callCount.put(step.id(), lastCall.size());
        }
        weight.put(SESSION_MANAGER_ONLINE, checkMs);
        callCount.put(SESSION_MANAGER_ONLINE, 1);

        String profileStep = first(plan, callsByStep, "CreateInstanceProfile", r -> true);
        String runStep = first(plan, callsByStep, "RunInstances",
                r -> !(r instanceof RunInstancesRequest run && Boolean.TRUE.equals(run.dryRun())));
        if (runStep == null) {
            throw new IllegalArgumentException("no step of the launch made a RunInstances call");
        }
        List<String> order = plan.stepIds();
        String runningStep = order.stream().skip(order.indexOf(runStep) + 1L)
                .filter(id -> made(callsByStep, id, "DescribeInstances", r -> true)).findFirst().orElse(null);
        String onlineStep = first(plan, callsByStep, "DescribeInstanceInformation", r -> true);
        String ready = onlineStep != null ? onlineStep : SESSION_MANAGER_ONLINE;

        Map<String, List<Wait>> waits = new HashMap<>();
        if (profileStep != null) {
            waits.computeIfAbsent(runStep, k -> new ArrayList<>()).add(new Wait(profileStep, ms(profile.instanceProfileInvisible()),
                    "the instance profile invisible to EC2 " + seconds(profile.instanceProfileInvisible())));
        }
        if (runningStep != null) {
            waits.computeIfAbsent(runningStep, k -> new ArrayList<>()).add(new Wait(runStep, ms(profile.instancePending()),
                    "the instance pending " + seconds(profile.instancePending())));
        }
        Duration untilOnline = profile.instancePending().plus(profile.sessionManagerAfterRunning());
        waits.computeIfAbsent(ready, k -> new ArrayList<>()).add(new Wait(runStep, ms(untilOnline), "the instance pending "
                + seconds(profile.instancePending()) + ", then its agent registering " + seconds(profile.sessionManagerAfterRunning())));

        Map<String, Double> finish = new HashMap<>();
        Map<String, Wait> cameFrom = new HashMap<>();
        List<String> nodes = new ArrayList<>(order);
        if (onlineStep == null) {
            nodes.add(SESSION_MANAGER_ONLINE);
        }
        List<String> natSteps = all(plan, callsByStep, "CreateNatGateway", r -> true);
        List<String> endpointSteps = all(plan, callsByStep, "CreateVpcEndpoint", ReadyCriticalPath::sessionManagerEndpoint);
        while (finish.size() < nodes.size()) {
            boolean progress = false;
            for (String node : nodes) {
                if (finish.containsKey(node) || !predecessors(plan, node, waits, ready, natSteps, endpointSteps).stream().allMatch(finish::containsKey)) {
                    continue;
                }
                Wait best = new Wait(null, 0, null);
                for (String dep : node.equals(SESSION_MANAGER_ONLINE) ? order : plan.step(node).dependsOn()) {
                    best = later(best, new Wait(dep, finish.get(dep), null));
                }
                for (Wait w : waits.getOrDefault(node, List.of())) {
                    best = later(best, new Wait(w.from(), finish.get(w.from()) + w.ms(), w.why()));
                }
                if (node.equals(ready) && profile.sessionManagerNeedsRoute()) {
                    Wait route = route(profile, natSteps, endpointSteps, finish);
                    if (route != null) {
                        best = later(best, route);
                    }
                }
                cameFrom.put(node, best);
                finish.put(node, best.ms() + weight.get(node));
                progress = true;
            }
            if (!progress) {
                throw new IllegalStateException("the plan's steps and waits form a cycle");
            }
        }
        String last = nodes.stream().max((a, b) -> Double.compare(finish.get(a), finish.get(b))).orElseThrow();
        List<String> chain = new ArrayList<>();
        for (String node = last; node != null; node = cameFrom.get(node).from()) {
            int calls = callCount.get(node);
            chain.add(0, node + " (" + calls + (calls == 1 ? " call, " : " calls, ") + Math.round(weight.get(node)) + " ms)");
            if (cameFrom.get(node).why() != null) {
                chain.add(0, "wait: " + cameFrom.get(node).why());
            }
        }
        return new Result(finish.get(last), chain);
    }

    /** When the VPC reaches Systems Manager: the first NAT gateway available, or else the last SSM endpoint. */
    private static Wait route(TimingProfile profile, List<String> natSteps, List<String> endpointSteps, Map<String, Double> finish) {
        Wait nat = null;
        for (String s : natSteps) {
            Wait w = new Wait(s, finish.get(s) + ms(profile.natGatewayPending()), "the NAT gateway pending " + seconds(profile.natGatewayPending()));
            nat = nat == null || w.ms() < nat.ms() ? w : nat;
        }
        Wait endpoints = null;
        for (String s : endpointSteps) {
            endpoints = later(endpoints, new Wait(s, finish.get(s) + ms(profile.vpcEndpointPending()),
                    "the Systems Manager endpoints pending " + seconds(profile.vpcEndpointPending())));
        }
        if (nat != null && endpoints != null) {
            return nat.ms() <= endpoints.ms() ? nat : endpoints;
        }
        return nat != null ? nat : endpoints;
    }

    private static List<String> predecessors(LaunchPlan plan, String node, Map<String, List<Wait>> waits, String ready,
            List<String> natSteps, List<String> endpointSteps) {
        List<String> before = new ArrayList<>(node.equals(SESSION_MANAGER_ONLINE) ? plan.stepIds() : plan.step(node).dependsOn());
        waits.getOrDefault(node, List.of()).forEach(w -> before.add(w.from()));
        if (node.equals(ready)) {
            before.addAll(natSteps);
            before.addAll(endpointSteps);
        }
        return before;
    }

    private static Wait later(Wait a, Wait b) {
        return a == null || b.ms() > a.ms() ? b : a;
    }

    private static boolean sessionManagerEndpoint(SdkRequest request) {
        return request instanceof CreateVpcEndpointRequest r && r.vpcEndpointType() == VpcEndpointType.INTERFACE
                && SESSION_MANAGER_ENDPOINTS.stream().anyMatch(s -> String.valueOf(r.serviceName()).endsWith(s));
    }

    private static String first(LaunchPlan plan, Map<String, List<CallLog.Entry>> calls, String operation, Predicate<SdkRequest> which) {
        List<String> found = all(plan, calls, operation, which);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The steps that made a successful call of the operation, in plan order. */
    private static List<String> all(LaunchPlan plan, Map<String, List<CallLog.Entry>> calls, String operation, Predicate<SdkRequest> which) {
        return plan.stepIds().stream().filter(id -> made(calls, id, operation, which)).toList();
    }

    private static boolean made(Map<String, List<CallLog.Entry>> calls, String step, String operation, Predicate<SdkRequest> which) {
        return calls.getOrDefault(step, List.of()).stream().anyMatch(c -> !c.failed() && operation.equals(c.operation()) && which.test(c.request()));
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
