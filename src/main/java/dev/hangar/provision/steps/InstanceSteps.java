package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.*;

import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.ResourceKind;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.provision.LaunchContext;
import dev.hangar.blueprint.StepFailedException;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachmentState;
import software.amazon.awssdk.services.ec2.model.VolumeState;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/** What follows RunInstances: wait until running, the data volume in the instance's zone, its attachment, the idle-stop alarm. */
final class InstanceSteps {

    static final String DATA_DEVICE = "/dev/sdh";

    private InstanceSteps() {
    }

    static final class WaitRunning extends BaseStep {
        WaitRunning() {
            super(WAIT_INSTANCE_RUNNING, "Wait until the instance runs", List.of(RUN_INSTANCE));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            String id = ctx.instanceId();
            Instance[] seen = new Instance[1];
            ctx.waits().until("instance " + id + " to run", ctx.waits().pacing().instanceTimeout(), () -> {
                Instance i = ctx.ec2().describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
                seen[0] = i;
                InstanceStateName state = i.state().name();
                if (state == InstanceStateName.SHUTTING_DOWN || state == InstanceStateName.TERMINATED || state == InstanceStateName.STOPPED) {
                    String reason = i.stateReason() == null ? "no reason given" : i.stateReason().message();
                    throw new StepFailedException("instance " + id + " stopped starting (" + state + ": " + reason + ")");
                }
                return state == InstanceStateName.RUNNING;
            }, s -> ctx.waiting(id(), "instance " + id + " is starting (" + s + " s)"));
            Instance running = seen[0];
            String address = running.publicIpAddress() != null ? running.publicIpAddress() : running.privateIpAddress();
            ctx.journal().output("privateIp", String.valueOf(running.privateIpAddress()));
            if (running.publicIpAddress() != null) {
                ctx.journal().output("publicIp", running.publicIpAddress());
            }
            ctx.journal().output("connect", connectCommand(ctx, id, address));
            return "running";
        }

        private static String connectCommand(LaunchContext ctx, String instanceId, String address) {
            LaunchSpec spec = ctx.spec();
            if (spec.access() == Access.SSM) {
                return "aws ssm start-session --target " + instanceId + " --region " + spec.region();
            }
            String user = String.valueOf(ctx.imageName()).toLowerCase(Locale.ROOT).contains("ubuntu") ? "ubuntu" : "ec2-user";
            String key = spec.createKeyPair() ? KeyPairStep.keyFile(ctx.home(), spec.keyPair()).toString() : "<" + spec.keyPair() + ".pem>";
            return "ssh -i " + key + " " + user + "@" + address;
        }
    }

    static final class CreateDataVolume extends BaseStep {
        CreateDataVolume(int sizeGiB) {
            super(CREATE_DATA_VOLUME, "Create encrypted " + sizeGiB + " GiB gp3 data volume", List.of(RUN_INSTANCE));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            String zone = ctx.availabilityZone();
            String token = ctx.names().volumeClientToken(zone);
            String intended = "client-token:" + token;
            ctx.journal().intend(ResourceKind.VOLUME, intended, id());
            String volumeId = ctx.ec2().createVolume(r -> r.availabilityZone(zone).size(ctx.spec().dataVolumeGiB())
                    .volumeType(VolumeType.GP3).encrypted(true).clientToken(token)
                    .tagSpecifications(ctx.tags().ec2DataVolume())).volumeId();
            ctx.volumeId(volumeId);
            ctx.journal().created(ResourceKind.VOLUME, volumeId, id(), intended);
            ctx.journal().output("dataVolumeId", volumeId);
            ctx.waits().until("volume " + volumeId + " to become available", ctx.waits().pacing().instanceTimeout(), () -> {
                Volume v = ctx.ec2().describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0);
                if (v.state() == VolumeState.ERROR) {
                    throw new StepFailedException("volume " + volumeId + " failed to create");
                }
                return v.state() == VolumeState.AVAILABLE;
            }, s -> ctx.waiting(id(), "volume " + volumeId + " is being created (" + s + " s)"));
            return volumeId + " in " + zone;
        }

        @Override
        public boolean restore(LaunchContext ctx, LaunchRecord record) {
            String volumeId = record.output("dataVolumeId");
            if (volumeId == null) {
                return false;
            }
            ctx.volumeId(volumeId);
            return true;
        }
    }

    static final class AttachDataVolume extends BaseStep {
        AttachDataVolume() {
            super(ATTACH_DATA_VOLUME, "Attach the data volume at " + DATA_DEVICE, List.of(WAIT_INSTANCE_RUNNING, CREATE_DATA_VOLUME));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            String volumeId = ctx.volumeId();
            String instanceId = ctx.instanceId();
            String attachment = volumeId + "|" + instanceId + "|" + DATA_DEVICE;
            ctx.journal().intend(ResourceKind.VOLUME_ATTACHMENT, attachment, id());
            try {
                ctx.ec2().attachVolume(r -> r.volumeId(volumeId).instanceId(instanceId).device(DATA_DEVICE));
            } catch (Ec2Exception e) {
                // A retried call whose first attempt did attach it: fine; attached elsewhere: not ours to take.
                if (!AwsErrors.is(e, "VolumeInUse") || !isAttached(ctx, volumeId, instanceId)) {
                    throw e;
                }
            }
            ctx.journal().created(ResourceKind.VOLUME_ATTACHMENT, attachment, id());
            ctx.waits().until("volume " + volumeId + " to attach", ctx.waits().pacing().instanceTimeout(),
                    () -> isAttached(ctx, volumeId, instanceId), s -> ctx.waiting(id(), "volume " + volumeId + " is attaching (" + s + " s)"));
            if (ctx.spec().deleteDataVolumeOnTermination()) {
                // AttachVolume always keeps a volume on termination; the spec asked otherwise.
                ctx.ec2().modifyInstanceAttribute(r -> r.instanceId(instanceId).blockDeviceMappings(m -> m.deviceName(DATA_DEVICE)
                        .ebs(e -> e.volumeId(volumeId).deleteOnTermination(true))));
            }
            return volumeId + " at " + DATA_DEVICE;
        }

        private static boolean isAttached(LaunchContext ctx, String volumeId, String instanceId) {
            return ctx.ec2().describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0).attachments().stream()
                    .anyMatch(a -> instanceId.equals(a.instanceId()) && a.state() == VolumeAttachmentState.ATTACHED);
        }
    }

    /** Stops the instance when its CPU stays below 5 % for the spec's minutes: a forgotten GPU machine costs a lot. */
    static final class IdleStopAlarm extends BaseStep {
        static final double IDLE_CPU_PERCENT = 5;

        IdleStopAlarm(int minutes) {
            super(IDLE_STOP_ALARM, "Stop the instance after " + minutes + " idle minutes", List.of(RUN_INSTANCE));
        }

        @Override
        public String apply(LaunchContext ctx) {
            String name = ctx.names().idleAlarmName();
            int minutes = ctx.spec().idleStopMinutes();
            // CloudWatch limits period × evaluation periods to one day for periods under an hour.
            int period = minutes <= 1440 ? 60 : 3600;
            int periods = (int) Math.ceil(minutes * 60.0 / period);
            ctx.journal().intend(ResourceKind.ALARM, name, id());
            ctx.cloudWatch().putMetricAlarm(r -> r.alarmName(name)
                    .alarmDescription("Hangar: stop " + ctx.names().launchId() + " after " + minutes + " idle minutes")
                    .namespace("AWS/EC2").metricName("CPUUtilization")
                    .dimensions(d -> d.name("InstanceId").value(ctx.instanceId()))
                    .statistic(Statistic.AVERAGE).period(period).evaluationPeriods(periods)
                    .threshold(IDLE_CPU_PERCENT).comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                    .treatMissingData("notBreaching")
                    .alarmActions(idleAction(ctx))
                    .tags(ctx.tags().cloudWatch()));
            ctx.journal().created(ResourceKind.ALARM, name, id());
            return name;
        }

        /** A one-time spot instance cannot be stopped, only terminated (the data volume is kept unless the spec says otherwise). */
        static String idleAction(LaunchContext ctx) {
            String action = ctx.spec().market() == dev.hangar.spec.Market.SPOT ? "terminate" : "stop";
            return "arn:" + dev.hangar.blueprint.IamPolicies.partition(ctx.spec().region()) + ":automate:" + ctx.spec().region() + ":ec2:" + action;
        }
    }
}
