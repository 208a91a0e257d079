package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.CREATE_SESSION_DOCUMENT;

import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.LoginUser;
import dev.hangar.blueprint.SessionModel;
import dev.hangar.blueprint.StepFailedException;
import dev.hangar.journal.ResourceKind;
import dev.hangar.provision.Fact;
import dev.hangar.provision.LaunchContext;
import dev.hangar.provision.LaunchFacts;
import java.util.List;
import software.amazon.awssdk.services.ssm.model.DocumentAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.DocumentFormat;
import software.amazon.awssdk.services.ssm.model.DocumentType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * Creates the launch's Session Manager document: shells as the image's login user, ended when idle. It needs only the
 * image's name, so it runs beside IAM and the security group; the instance does not wait for it.
 */
final class SessionDocumentStep extends BaseStep {

    /** @param checks every read-only check: nothing is created before they all pass */
    SessionDocumentStep(SessionModel session, List<String> checks) {
        super(CREATE_SESSION_DOCUMENT, "Create Session Manager preferences " + session.documentName() + " (shells run as the login user, end after "
                + session.idleTimeoutMinutes() + " idle minutes)", checks);
    }

    @Override
    public List<Fact<?>> reads() {
        return List.of(LaunchFacts.IMAGE);
    }

    @Override
    public String apply(LaunchContext ctx) throws Exception {
        SessionModel session = ctx.blueprint().session();
        String name = session.documentName();
        String user = LoginUser.of(ctx.facts().get(LaunchFacts.IMAGE).name());
        List<Tag> tags = session.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        ctx.journal().intend(ResourceKind.SESSION_DOCUMENT, name, id());
        try {
            ctx.ssm().createDocument(r -> r.name(name).documentType(DocumentType.SESSION).documentFormat(DocumentFormat.JSON)
                    .content(session.content(user)).tags(tags));
        } catch (DocumentAlreadyExistsException e) {
            // A retried call whose first attempt did succeed; a document this launch did not tag is not ours to take.
            boolean ours = ctx.ssm().listTagsForResource(r -> r.resourceType(ResourceTypeForTagging.DOCUMENT).resourceId(name)).tagList()
                    .stream().anyMatch(t -> t.key().equals(LaunchTags.LAUNCH_ID) && t.value().equals(ctx.names().launchId()));
            if (!ours) {
                throw new StepFailedException("Session Manager document " + name + " already exists and was not created by this launch");
            }
        }
        ctx.journal().created(ResourceKind.SESSION_DOCUMENT, name, id());
        ctx.journal().output("sessionDocument", name);
        return name;
    }
}
