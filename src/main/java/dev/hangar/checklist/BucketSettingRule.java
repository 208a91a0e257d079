package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import java.util.List;
import java.util.function.Function;

/**
 * A setting of the data bucket that preflight read (null when it could not): on passes, off warns. The bucket
 * belongs to its owner, so the fix is always a manual one; Hangar never changes buckets.
 */
abstract class BucketSettingRule extends BaseRule {

    /** Where each text names the bucket. */
    static final String BUCKET = "{bucket}";

    /**
     * The texts of one setting, each with {@link #BUCKET} where the bucket's name goes.
     *
     * @param unknown      what could not be checked, completing "Could not check: "
     * @param titleOn      the finding's title when the setting is on, e.g. "s3://{bucket} refuses plain HTTP"
     * @param titleOff     … when it is off, e.g. "s3://{bucket} accepts plain HTTP from other clients"
     * @param titleUnknown … when it could not be read, e.g. "Could not check whether s3://{bucket} requires TLS"
     */
    record Wording(String fix, String unknown, String whenOn, String whenOff, String titleOn, String titleOff, String titleUnknown) {
    }

    private final Function<AccountFacts, Boolean> setting;
    private final Wording wording;

    BucketSettingRule(String id, String title, String why, Severity severity, List<String> controls,
            Function<AccountFacts, Boolean> setting, Wording wording) {
        super(id, title, why, severity, controls.toArray(String[]::new));
        this.setting = setting;
        this.wording = wording;
    }

    @Override
    public final Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        String bucket = blueprint.spec().dataBucket();
        Fix fix = Fix.manual(named(wording.fix(), bucket));
        Boolean on = setting.apply(facts);
        if (on == null) {
            return couldNotCheck(named(wording.titleUnknown(), bucket), named(wording.unknown(), bucket), fix);
        }
        return on ? pass(named(wording.titleOn(), bucket), named(wording.whenOn(), bucket))
                : warn(named(wording.titleOff(), bucket), named(wording.whenOff(), bucket), fix);
    }

    private static String named(String text, String bucket) {
        return text.replace(BUCKET, bucket);
    }
}
