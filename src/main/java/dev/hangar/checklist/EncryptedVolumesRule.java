package dev.hangar.checklist;

import dev.hangar.spec.LaunchSpec;

/** Both volumes are encrypted by construction; the rule states the guarantee. */
public final class EncryptedVolumesRule extends BaseRule {

    public EncryptedVolumesRule() {
        super("ebs-volumes-encrypted", "Root and data volumes are encrypted",
                "Disks hold datasets, checkpoints and cached credentials. Encryption at rest keeps them unreadable in "
                        + "snapshots, copies and retired hardware.",
                Severity.HIGH, "EC2.3", "CKV_AWS_8", "CKV_AWS_3");
    }

    @Override
    public Finding evaluate(LaunchSpec spec, AccountFacts facts) {
        return pass("The " + spec.rootVolumeGiB() + " GiB root volume and the " + spec.dataVolumeGiB()
                + " GiB data volume are gp3 with Encrypted=true, under the account's default EBS key.");
    }
}
