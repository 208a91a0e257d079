package dev.hangar.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets that belong to another account, which moto (one account) cannot hold: S3 answers 403 to a caller the owner
 * has not let in, and to a request whose {@code x-amz-expected-bucket-owner} names another account; a request that
 * names the right owner goes through, as for a shared bucket whose policy lets this account read.
 */
final class ForeignBuckets {

    private final Map<String, String> owners = new ConcurrentHashMap<>();

    void add(String bucket, String ownerAccount) {
        owners.put(bucket, ownerAccount);
    }

    void clear() {
        owners.clear();
    }

    /** Our 403, or null to let the request through. */
    WireResponse answer(Call call, WireRequest request) {
        if (!"s3".equals(call.service())) {
            return null;
        }
        String path = request.path();
        String bucket = path.length() <= 1 ? "" : path.substring(1).split("/", 2)[0];
        String owner = owners.get(bucket);
        if (owner == null || owner.equals(request.headers().first("x-amz-expected-bucket-owner"))) {
            return null;
        }
        return AwsErrors.render("s3", 403, "AccessDenied", "Access Denied");
    }
}
