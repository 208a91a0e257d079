package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.*;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.RunModel;
import dev.hangar.blueprint.StepFailedException;
import dev.hangar.journal.ResourceKind;
import dev.hangar.provision.CodeUpload;
import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.LogGroups;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * What a launch with a run makes before its instance starts: the local code folder packed and uploaded to the data
 * bucket (with the caller's credentials: the instance's role only reads it), and the run's log group with Hangar's
 * tags and its retention.
 */
final class RunSteps {

    private RunSteps() {
    }

    /** Packs {@code run.code} and puts it at {@link RunModel#codeArchiveKey()}; repeating it uploads the same key again. */
    static final class UploadCode extends BaseStep {
        UploadCode(RunModel run, List<String> after) {
            super(UPLOAD_CODE, "Pack " + run.localCode() + " and upload it to s3://" + run.dataBucket() + "/" + run.codeArchiveKey(), after);
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            RunModel run = ctx.blueprint().run();
            String id = run.dataBucket() + "|" + run.codeArchiveKey();
            CodeUpload upload = new CodeUpload(ctx.aws().s3(ctx.spec().region()), ctx.names().launchId(), ctx.blueprint().dataBucketAccount());
            // Packed before the intention is journaled: a folder that cannot be packed leaves nothing to remove.
            try (CodeUpload.Packed packed = CodeUpload.pack(Path.of(run.localCode()))) {
                ctx.journal().intend(ResourceKind.CODE_ARCHIVE, id, id());
                upload.put(packed, run.dataBucket(), run.codeArchiveKey());
                ctx.journal().created(ResourceKind.CODE_ARCHIVE, id, id());
                return packed.summary();
            }
        }
    }

    /** Creates {@code /hangar/<launch id>} with the launch's tags; one already there is adopted only when it is this launch's. */
    static final class CreateLogGroup extends BaseStep {
        CreateLogGroup(RunModel run, List<String> after) {
            super(CREATE_LOG_GROUP, "Create log group " + run.logGroup(), after);
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            String name = ctx.blueprint().run().logGroup();
            CloudWatchLogsClient logs = ctx.aws().logs(ctx.spec().region());
            ctx.journal().intend(ResourceKind.LOG_GROUP, name, id());
            try {
                logs.createLogGroup(r -> r.logGroupName(name).tags(ctx.blueprint().tags()));
            } catch (ResourceAlreadyExistsException e) {
                // A retried call whose first attempt did succeed; anything else is not ours to take.
                Map<String, String> tags = LogGroups.tags(logs, name);
                if (!ctx.names().launchId().equals(tags.get(LaunchTags.LAUNCH_ID))) {
                    throw new StepFailedException("log group " + name + " already exists and was not created by this launch");
                }
            }
            ctx.journal().created(ResourceKind.LOG_GROUP, name, id());
            ctx.journal().output(LOG_GROUP_OUTPUT, name);
            return name;
        }
    }

    /** Keeps the run's logs {@link RunModel#LOG_RETENTION_DAYS} days (a new group keeps them forever, and bills for it). */
    static final class SetLogRetention extends BaseStep {
        SetLogRetention(RunModel run) {
            super(SET_LOG_RETENTION, "Keep the run's logs " + run.logRetentionDays() + " days", List.of(CREATE_LOG_GROUP));
        }

        @Override
        public String apply(LaunchContext ctx) {
            RunModel run = ctx.blueprint().run();
            ctx.aws().logs(ctx.spec().region())
                    .putRetentionPolicy(r -> r.logGroupName(run.logGroup()).retentionInDays(run.logRetentionDays()));
            return run.logRetentionDays() + " days";
        }
    }
}
