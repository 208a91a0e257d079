package dev.hangar.blueprint;

import dev.hangar.blueprint.Redaction;
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

    /**
     * Runs an AWS call whose failure with one of {@code codes} means the work is done already: the resource is gone, or
     * an earlier attempt whose answer was lost made it.
     */
    public static void ignoring(List<String> codes, Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            if (!codes.contains(code(e))) {
                throw e;
            }
        }
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

    /**
     * AWS quotes the request it expected when a signature does not match ("The Canonical String for this
     * request should have been ..."), and that request holds the session token header; some services
     * echo the access key ID. None of it may reach the journal, a log or the screen.
     */
    private static final Pattern CANONICAL = Pattern.compile("(?is)\\s*(?:The Canonical String for this request should have been|"
            + "The String-to-Sign should have been|<CanonicalRequest>|<StringToSign>).*");

    /** Removes what may carry credentials from a message that quotes AWS; safe on any text, null gives "". */
    public static String redact(String message) {
        if (message == null) {
            return "";
        }
        String cut = CANONICAL.matcher(message).replaceFirst(" (AWS's copy of the signed request is left out: it may hold credentials)");
        return Redaction.redact(cut);
    }

    /** A message for the user; never includes request parameters (they may carry user data), only AWS's own text. */
    public static String explain(Throwable e, LaunchSpec spec) {
        return redact(explainUnredacted(e, spec));
    }

    /**
     * A one-line reason without a spec at hand (removals, sweep): AWS's error code and text, or what
     * kept AWS from answering. Never null, never a stack trace, redacted like {@link #explain}.
     */
    public static String brief(Throwable e) {
        if (e instanceof StepFailedException) {
            return redact(e.getMessage());
        }
        String code = code(e);
        if (code == null) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e instanceof SdkException ? "AWS could not be reached: " + firstSentence(e.getMessage()) : e.getClass().getSimpleName() + ": " + e.getMessage();
            return redact(message);
        }
        AwsServiceException ase = (AwsServiceException) e;
        String aws = ase.awsErrorDetails().errorMessage();
        return redact(code + (aws == null || aws.isBlank() ? " (HTTP " + ase.statusCode() + ")" : ": " + aws));
    }

    private static String explainUnredacted(Throwable e, LaunchSpec spec) {
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
