package dev.hangar.testing;

import java.util.Map;

/**
 * What an AWS request asks for, as far as the front server cares.
 *
 * @param service our name for the service: ec2, iam, sts, s3, cloudwatch, ssm, servicequotas,
 *                pricing, sso, ssooidc, or "unknown"
 * @param region  the region of the SigV4 credential scope, or null for unsigned calls
 * @param params  query and form parameters, plus a JSON body flattened into Query-style keys
 */
record Call(String service, String action, String region, Map<String, String> params) {

    String param(String name) {
        return params.get(name);
    }
}
