package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.spec.LaunchSpec;

/** Advisory: the account setting covers volumes made outside Hangar. */
public final class EbsEncryptionByDefaultRule extends BaseRule {

    public EbsEncryptionByDefaultRule() {
        super("ebs-encryption-by-default", "The account encrypts new EBS volumes by default",
                "Hangar encrypts its own volumes either way. The account setting also covers volumes and snapshot copies "
                        + "made later by hand or by other tools, so none is left unencrypted by mistake.",
                Severity.LOW, "EC2.7");
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        Fix fix = Fix.manual("Turn it on (an account administrator): EC2 console > Settings > Data protection and security > "
                + "EBS encryption, or: aws ec2 enable-ebs-encryption-by-default --region " + spec.region());
        if (facts.ebsEncryptionByDefault() == null) {
            return couldNotCheck("Could not check EBS encryption by default in " + spec.region(),
                    "whether EBS encryption by default is on in " + spec.region() + ".", fix);
        }
        return facts.ebsEncryptionByDefault()
                ? pass("EBS encryption by default is on in " + spec.region(), "EBS encryption by default is on in " + spec.region() + ".")
                : warn("EBS encryption by default is off in " + spec.region(),
                        "EBS encryption by default is off in " + spec.region() + ". Hangar's volumes are encrypted anyway.", fix);
    }
}
