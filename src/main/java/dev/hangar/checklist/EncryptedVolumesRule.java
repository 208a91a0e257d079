package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.blueprint.DataVolumeModel;
import dev.hangar.blueprint.InstanceModel;

/** Both volumes are encrypted by construction; the rule states the guarantee. */
public final class EncryptedVolumesRule extends BaseRule {

    public EncryptedVolumesRule() {
        super("ebs-volumes-encrypted", "Root and data volumes are encrypted",
                "Disks hold datasets, checkpoints and cached credentials. Encryption at rest keeps them unreadable in "
                        + "snapshots, copies and retired hardware.",
                Severity.HIGH, "EC2.3", "CKV_AWS_8", "CKV_AWS_3");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        InstanceModel instance = blueprint.instance();
        DataVolumeModel data = blueprint.dataVolume();
        if (!instance.rootEncrypted() || !data.encrypted()) {
            String volume = instance.rootEncrypted() ? "data" : "root";
            return fail("The " + volume + " volume is not encrypted", "The " + volume + " volume would not be encrypted.", null);
        }
        return pass("Root and data volumes are encrypted", "The " + instance.rootVolumeGiB() + " GiB root volume and the " + data.sizeGiB()
                + " GiB data volume are " + data.volumeType() + " with Encrypted=true, under the account's default EBS key.");
    }
}
