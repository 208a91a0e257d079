package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.*;

import dev.hangar.journal.LaunchRecord;
import dev.hangar.journal.ResourceKind;
import dev.hangar.blueprint.AwsErrors;
import dev.hangar.blueprint.DataVolumeModel;
import dev.hangar.blueprint.LoginUser;
import dev.hangar.blueprint.SessionModel;
import dev.hangar.blueprint.IdleAlarmModel;
import dev.hangar.provision.Fact;
import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.LaunchFacts;
import dev.hangar.provision.SdkTags;
import dev.hangar.blueprint.StepFailedException;
import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.ShellWord;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachmentState;
import software.amazon.awssdk.services.ec2.model.VolumeState;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/** What follows RunInstances: wait until running, the data volume in the instance's zone, its attachment, the idle-stop alarm. */
final class InstanceSteps {

    private InstanceSteps() {
    }

    static final class WaitRunning extends BaseStep {
        WaitRunning() {
            super(WAIT_INSTANCE_RUNNING, "Wait until the instance runs", List.of(RUN_INSTANCE));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            String id = ctx.facts().get(LaunchFacts.INSTANCE).instanceId();
            Instance[] seen = new Instance[1];
            ctx.waits().steadily("instance " + id + " to run", ctx.waits().pacing().instanceTimeout(), () -> {
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
            String user = LoginUser.of(ctx.facts().get(LaunchFacts.IMAGE).name());
            ctx.journal().output("loginUser", user);
            ctx.journal().output("connect", connectCommand(ctx, id, address, user));
            return "running";
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.INSTANCE, LaunchFacts.IMAGE);
        }

        private static String connectCommand(LaunchContext ctx, String instanceId, String address, String user) {
            LaunchSpec spec = ctx.spec();
            if (spec.access() == Access.SSM) {
                SessionModel session = ctx.blueprint().session();
                return "aws ssm start-session --target " + instanceId + " --region " + spec.region()
                        + (session == null ? "" : " --document-name " + session.documentName());
            }
            // The home may hold spaces or quotes: the path is one shell word. An existing key's file is the user's to name.
            String key = spec.createKeyPair() ? ShellWord.quote(KeyPairStep.keyFile(ctx.home(), spec.keyPair()).toString())
                    : "<" + spec.keyPair() + ".pem>";
            return "ssh -i " + key + " " + user + "@" + address;
        }
    }

    static final class CreateDataVolume extends BaseStep {
        CreateDataVolume(DataVolumeModel volume) {
            super(CREATE_DATA_VOLUME, "Create " + (volume.encrypted() ? "encrypted " : "") + volume.sizeGiB() + " GiB "
                    + volume.volumeType() + " data volume", List.of(RUN_INSTANCE));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            DataVolumeModel volume = ctx.blueprint().dataVolume();
            String zone = ctx.facts().get(LaunchFacts.INSTANCE).availabilityZone();
            String token = ctx.names().volumeClientToken(zone);
            String intended = "client-token:" + token;
            ctx.journal().intend(ResourceKind.VOLUME, intended, id());
            String volumeId = ctx.ec2().createVolume(r -> r.availabilityZone(zone).size(volume.sizeGiB())
                    .volumeType(VolumeType.fromValue(volume.volumeType())).encrypted(volume.encrypted()).clientToken(token)
                    .tagSpecifications(SdkTags.ec2For(ResourceType.VOLUME, volume.tags()))).volumeId();
            ctx.facts().put(LaunchFacts.DATA_VOLUME_ID, volumeId);
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
            ctx.facts().put(LaunchFacts.DATA_VOLUME_ID, volumeId);
            return true;
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.INSTANCE);
        }

        @Override
        public List<Fact<?>> produces() {
            return List.of(LaunchFacts.DATA_VOLUME_ID);
        }
    }

    static final class AttachDataVolume extends BaseStep {
        AttachDataVolume(DataVolumeModel volume) {
            super(ATTACH_DATA_VOLUME, "Attach the data volume at " + volume.device(), List.of(WAIT_INSTANCE_RUNNING, CREATE_DATA_VOLUME));
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.INSTANCE, LaunchFacts.DATA_VOLUME_ID);
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            DataVolumeModel volume = ctx.blueprint().dataVolume();
            String device = volume.device();
            String volumeId = ctx.facts().get(LaunchFacts.DATA_VOLUME_ID);
            String instanceId = ctx.facts().get(LaunchFacts.INSTANCE).instanceId();
            String attachment = volumeId + "|" + instanceId + "|" + device;
            ctx.journal().intend(ResourceKind.VOLUME_ATTACHMENT, attachment, id());
            try {
                ctx.ec2().attachVolume(r -> r.volumeId(volumeId).instanceId(instanceId).device(device));
            } catch (Ec2Exception e) {
                // A retried call whose first attempt did attach it: fine; attached elsewhere: not ours to take.
                if (!AwsErrors.is(e, "VolumeInUse") || !isAttached(ctx, volumeId, instanceId)) {
                    throw e;
                }
            }
            ctx.journal().created(ResourceKind.VOLUME_ATTACHMENT, attachment, id());
            ctx.waits().until("volume " + volumeId + " to attach", ctx.waits().pacing().instanceTimeout(),
                    () -> isAttached(ctx, volumeId, instanceId), s -> ctx.waiting(id(), "volume " + volumeId + " is attaching (" + s + " s)"));
            if (volume.deleteOnTermination()) {
                // AttachVolume always keeps a volume on termination; the spec asked otherwise.
                ctx.ec2().modifyInstanceAttribute(r -> r.instanceId(instanceId).blockDeviceMappings(m -> m.deviceName(device)
                        .ebs(e -> e.volumeId(volumeId).deleteOnTermination(true))));
            }
            return volumeId + " at " + device;
        }

        private static boolean isAttached(LaunchContext ctx, String volumeId, String instanceId) {
            return ctx.ec2().describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0).attachments().stream()
                    .anyMatch(a -> instanceId.equals(a.instanceId()) && a.state() == VolumeAttachmentState.ATTACHED);
        }
    }

    /** Stops the instance when it stays idle for the spec's minutes, as the blueprint's alarms say: a forgotten GPU machine costs a lot. */
    static final class IdleStopAlarm extends BaseStep {
        IdleStopAlarm(int minutes) {
            super(IDLE_STOP_ALARM, "Stop the instance after " + minutes + " idle minutes (CPU and GPUs)", List.of(RUN_INSTANCE));
        }

        @Override
        public List<Fact<?>> reads() {
            return List.of(LaunchFacts.INSTANCE);
        }

        @Override
        public String apply(LaunchContext ctx) {
            String instanceId = ctx.facts().get(LaunchFacts.INSTANCE).instanceId();
            for (IdleAlarmModel alarm : ctx.blueprint().idleAlarms()) {
                ctx.journal().intend(ResourceKind.ALARM, alarm.name(), id());
                ctx.cloudWatch().putMetricAlarm(r -> r.alarmName(alarm.name())
                        .alarmDescription(alarm.description())
                        .metrics(queries(alarm, instanceId))
                        .evaluationPeriods(alarm.evaluationPeriods())
                        .threshold(alarm.threshold()).comparisonOperator(ComparisonOperator.fromValue(alarm.comparisonOperator()))
                        .treatMissingData(alarm.treatMissingData())
                        .alarmActions(alarm.actionArn())
                        .tags(ctx.tags().cloudWatch()));
                ctx.journal().created(ResourceKind.ALARM, alarm.name(), id());
            }
            return ctx.blueprint().idleAlarm().name();
        }

        /** The alarm's metrics for this instance, and its expression, the one series it judges. */
        private static List<MetricDataQuery> queries(IdleAlarmModel alarm, String instanceId) {
            List<MetricDataQuery> queries = new java.util.ArrayList<>();
            for (IdleAlarmModel.MetricQuery m : alarm.metrics()) {
                queries.add(MetricDataQuery.builder().id(m.id()).returnData(false)
                        .metricStat(s -> s.stat(m.stat()).period(alarm.periodSeconds())
                                .metric(x -> x.namespace(m.namespace()).metricName(m.metricName())
                                        .dimensions(d -> d.name(IdleAlarmModel.DIMENSION).value(instanceId))))
                        .build());
            }
            queries.add(MetricDataQuery.builder().id(IdleAlarmModel.EXPRESSION_ID).expression(alarm.expression())
                    .label(alarm.description()).returnData(true).build());
            return queries;
        }
    }
}
