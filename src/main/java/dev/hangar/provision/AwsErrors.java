package dev.hangar.provision;

import dev.hangar.spec.LaunchSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns AWS errors into messages a researcher can act on: what happened and what to change. */
public final class AwsErrors {

    private static final Pattern ZONE = Pattern.compile("\\b([a-z]{2}(?:-gov)?-[a-z]+-\\d[a-z])\\b");

    private AwsErrors() {
    }

    public static String code(Throwable e) {
        return e instanceof AwsServiceException ase && ase.awsErrorDetails() != null ? ase.awsErrorDetails().errorCode() : null;
    }

    public static boolean is(Throwable e, String code) {
        return code.equals(code(e));
    }

    /** The SDK's client-side messages can run to pages (every credentials provider tried): keep the gist. */
    private static String firstSentence(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf(". ");
        String first = end > 0 ? message.substring(0, end + 1) : message;
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

    /** AWS names other zones to try in an InsufficientInstanceCapacity message ("… choosing us-east-1b, us-east-1c."). */
    public static List<String> suggestedZones(Throwable e, String failedZone) {
        LinkedHashSet<String> zones = new LinkedHashSet<>();
        Matcher m = ZONE.matcher(String.valueOf(e.getMessage()));
        while (m.find()) {
            zones.add(m.group(1));
        }
        zones.remove(failedZone);
        return new ArrayList<>(zones);
    }

    /** A message for the user; never includes request parameters (they may carry user data), only AWS's own text. */
    public static String explain(Throwable e, LaunchSpec spec) {
        if (e instanceof StepFailedException) {
            return e.getMessage();
        }
        String code = code(e);
        String aws = e instanceof AwsServiceException ase && ase.awsErrorDetails() != null ? ase.awsErrorDetails().errorMessage() : null;
        if (code == null) {
            return e instanceof SdkException ? "AWS could not be reached: " + firstSentence(e.getMessage()) : e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String family = spec.instanceType().replaceFirst("\\..*", "");
        return switch (code) {
            case "VcpuLimitExceeded" -> "your vCPU quota for " + family + " instances in " + spec.region() + " is too low for "
                    + spec.instanceType() + " (" + aws + "). Fix: request a quota increase in Service Quotas (EC2, 'Running On-Demand "
                    + (family.startsWith("p") ? "P" : "G and VT") + " instances'), or pick a smaller type";
            case "InstanceLimitExceeded" -> "the account's instance limit for " + spec.instanceType() + " is reached (" + aws
                    + "). Fix: stop or terminate an instance, or request a limit increase";
            case "Unsupported" -> "AWS does not support this combination (" + aws + "). Fix: try tenancy 'default', another instance type, or another zone";
            case "InsufficientInstanceCapacity" -> "AWS has no " + spec.instanceType() + " capacity right now where it was tried (" + aws
                    + "). Fix: try again later, another region, or leave availabilityZone unset so Hangar can try other zones";
            case "UnauthorizedOperation", "AccessDenied", "AccessDeniedException" -> "your credentials are not allowed to do this (" + aws
                    + "). Fix: ask your administrator for the permission named, or use another profile";
            case "InvalidAMIID.NotFound", "InvalidAMIID.Malformed" -> "amiId: " + aws;
            case "InvalidKeyPair.NotFound" -> "keyPair: " + aws;
            case "InvalidSubnetID.NotFound" -> "subnetId: " + aws;
            case "MaxSpotInstanceCountExceeded" -> "the spot instance limit is reached (" + aws + "). Fix: use market 'on-demand'";
            case "SpotMaxPriceTooLow", "InsufficientSpotCapacity" -> "no spot capacity at the current price (" + aws + "). Fix: use market 'on-demand' or retry later";
            default -> code + ": " + aws;
        };
    }
}
