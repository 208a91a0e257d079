package dev.hangar.provision.steps;

import static dev.hangar.provision.steps.StepIds.*;

import dev.hangar.journal.ResourceKind;
import dev.hangar.blueprint.IamModel;
import dev.hangar.provision.LaunchContext;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.StepFailedException;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The IAM side of a launch: role, scoped data policy, managed policies, instance profile. Each
 * create is safe to repeat: a name that already exists is adopted only when it carries this launch's tag.
 */
final class IamSteps {

    private IamSteps() {
    }

    static final class CreateRole extends BaseStep {
        CreateRole(String roleName, List<String> after) {
            super(CREATE_ROLE, "Create IAM role " + roleName, after);
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            IamModel iam = ctx.blueprint().iam();
            String role = iam.roleName();
            ctx.journal().intend(ResourceKind.IAM_ROLE, role, id());
            try {
                ctx.iam().createRole(r -> r.roleName(role)
                        .assumeRolePolicyDocument(iam.trustPolicy())
                        .description(iam.roleDescription())
                        .permissionsBoundary(iam.permissionsBoundaryArn())
                        .tags(ctx.tags().iam()));
            } catch (EntityAlreadyExistsException e) {
                // A retried call whose first attempt did succeed; anything else is not ours to take.
                List<Tag> tags = ctx.iam().listRoleTags(r -> r.roleName(role)).tags();
                requireOurs(ctx, tags, "IAM role " + role);
            }
            ctx.journal().created(ResourceKind.IAM_ROLE, role, id());
            return role;
        }
    }

    /** One of the role's inline policies, as the blueprint writes it. */
    static final class PutInlinePolicy extends BaseStep {
        private final String name;
        private final Function<IamModel, String> document;

        PutInlinePolicy(String stepId, String title, String name, Function<IamModel, String> document) {
            super(stepId, title, List.of(CREATE_ROLE));
            this.name = name;
            this.document = document;
        }

        @Override
        public String apply(LaunchContext ctx) {
            IamModel iam = ctx.blueprint().iam();
            String role = iam.roleName();
            ctx.journal().intend(ResourceKind.IAM_INLINE_POLICY, role + "|" + name, id());
            ctx.iam().putRolePolicy(r -> r.roleName(role).policyName(name).policyDocument(document.apply(iam)));
            ctx.journal().created(ResourceKind.IAM_INLINE_POLICY, role + "|" + name, id());
            return name;
        }
    }

    static final class AttachManagedPolicy extends BaseStep {
        private final String arn;

        AttachManagedPolicy(String stepId, String arn) {
            super(stepId, "Attach " + arn.substring(arn.lastIndexOf('/') + 1), List.of(CREATE_ROLE));
            this.arn = arn;
        }

        @Override
        public String apply(LaunchContext ctx) {
            String role = ctx.blueprint().iam().roleName();
            ctx.journal().intend(ResourceKind.IAM_POLICY_ATTACHMENT, role + "|" + arn, id());
            ctx.iam().attachRolePolicy(r -> r.roleName(role).policyArn(arn));
            ctx.journal().created(ResourceKind.IAM_POLICY_ATTACHMENT, role + "|" + arn, id());
            return "";
        }
    }

    static final class CreateInstanceProfile extends BaseStep {
        CreateInstanceProfile(String name, List<String> after) {
            super(CREATE_INSTANCE_PROFILE, "Create instance profile " + name, after);
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            String name = ctx.blueprint().iam().instanceProfileName();
            ctx.journal().intend(ResourceKind.INSTANCE_PROFILE, name, id());
            try {
                ctx.iam().createInstanceProfile(r -> r.instanceProfileName(name).tags(ctx.tags().iam()));
            } catch (EntityAlreadyExistsException e) {
                requireOurs(ctx, ctx.iam().getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile().tags(), "instance profile " + name);
            }
            ctx.journal().created(ResourceKind.INSTANCE_PROFILE, name, id());
            return name;
        }
    }

    static final class AddRoleToProfile extends BaseStep {
        AddRoleToProfile() {
            super(ADD_ROLE_TO_PROFILE, "Put the role in the instance profile", List.of(CREATE_ROLE, CREATE_INSTANCE_PROFILE));
        }

        @Override
        public String apply(LaunchContext ctx) throws Exception {
            String profile = ctx.blueprint().iam().instanceProfileName();
            String role = ctx.blueprint().iam().roleName();
            ctx.journal().intend(ResourceKind.PROFILE_ROLE, profile + "|" + role, id());
            try {
                ctx.iam().addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(role));
            } catch (LimitExceededException e) {
                // A profile holds one role: a retried call finds ours already in it.
                boolean ours = ctx.iam().getInstanceProfile(r -> r.instanceProfileName(profile)).instanceProfile().roles().stream()
                        .anyMatch(r -> r.roleName().equals(role));
                if (!ours) {
                    throw new StepFailedException("instance profile " + profile + " already holds another role");
                }
            }
            ctx.journal().created(ResourceKind.PROFILE_ROLE, profile + "|" + role, id());
            return "";
        }
    }

    private static void requireOurs(LaunchContext ctx, List<Tag> tags, String what) throws StepFailedException {
        boolean ours = tags.stream().anyMatch(t -> t.key().equals(LaunchTags.LAUNCH_ID) && t.value().equals(ctx.names().launchId()));
        if (!ours) {
            throw new StepFailedException(what + " already exists and was not created by this launch");
        }
    }
}
