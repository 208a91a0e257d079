package dev.hangar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hangar.testing.FakeSessionManager.PingStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Session Manager's inventory, {@code DescribeInstanceInformation} (awsJson1_1, target AmazonSSM), which moto 5.2.1
 * answers with 500: the region's EC2 instances from moto, listed as {@link FakeSessionManager} says. Filters as AWS
 * takes them, both the legacy {@code InstanceInformationFilterList} ({@code key}/{@code valueSet}) and {@code Filters}
 * ({@code Key}/{@code Values}), for the keys InstanceIds, PingStatus, PlatformTypes and ResourceType (others answer
 * InvalidFilterKey here); {@code MaxResults} 5–50 (default 50) with an opaque {@code NextToken}. With a
 * {@link TimingProfile} on, an instance is listed only once its agent may have registered ({@link RealisticTiming}).
 */
final class SsmInstanceInformationApi implements LocalApi {

    private static final int MAX_RESULTS = 50;
    private static final Set<String> KEYS = Set.of("InstanceIds", "PingStatus", "PlatformTypes", "ResourceType");

    private final FakeSessionManager sessionManager;
    private final MotoEc2Instances ec2;
    private final RealisticTiming timing;

    SsmInstanceInformationApi(FakeSessionManager sessionManager, MotoEc2Instances ec2, RealisticTiming timing) {
        this.sessionManager = sessionManager;
        this.ec2 = ec2;
        this.timing = timing;
    }

    @Override
    public WireResponse answer(Call call, WireRequest request) {
        if (!"ssm".equals(call.service()) || !"DescribeInstanceInformation".equals(call.action())) {
            return null;
        }
        JsonNode body = Json.parse(request.body());
        List<Filter> filters;
        try {
            filters = filters(body);
        } catch (FilterProblem p) {
            return error(p.code, p.getMessage());
        }
        int max = body.path("MaxResults").asInt(MAX_RESULTS);
        if (max < 5 || max > MAX_RESULTS) {
            return error("ValidationException", "1 validation error detected: Value '" + max + "' at 'maxResults' failed to satisfy constraint:"
                    + " Member must have value " + (max < 5 ? "greater than or equal to 5" : "less than or equal to 50"));
        }
        int from;
        try {
            from = body.hasNonNull("NextToken") ? offset(body.get("NextToken").asText()) : 0;
        } catch (IllegalArgumentException e) {
            return error("InvalidNextToken", "The specified token is not valid.");
        }
        String region = call.region() == null ? LocalAws.REGION : call.region();
        List<ObjectNode> listed = new ArrayList<>();
        try {
            for (MotoEc2Instances.Ec2Instance i : ec2.list(region, request)) {
                sessionManager.pingStatus(i.instanceId(), timing.instanceState(i.instanceId(), i.state()),
                                timing.agentMayBeOnline(i.instanceId(), i.vpcId())).map(ping -> information(i, ping))
                        .filter(info -> filters.stream().allMatch(f -> f.matches(info))).ifPresent(listed::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode answer = Json.object();
        ArrayNode page = answer.putArray("InstanceInformationList");
        listed.stream().skip(from).limit(max).forEach(page::add);
        if (from + max < listed.size()) {
            answer.put("NextToken", token(from + max));
        }
        return Json.response(200, Json.AWS_JSON_1_1, answer);
    }

    /** One managed node as AWS describes an EC2 instance running the SSM agent (a Deep Learning AMI is Ubuntu). */
    private static ObjectNode information(MotoEc2Instances.Ec2Instance i, PingStatus ping) {
        ObjectNode info = Json.object().put("InstanceId", i.instanceId()).put("PingStatus", ping.name())
                .put("LastPingDateTime", Instant.now().getEpochSecond()).put("AgentVersion", "3.3.1142.0").put("IsLatestVersion", true)
                .put("PlatformType", i.platformDetails() != null && i.platformDetails().startsWith("Windows") ? "Windows" : "Linux")
                .put("PlatformName", "Ubuntu").put("PlatformVersion", "22.04").put("ResourceType", "EC2Instance")
                .put("SourceId", i.instanceId()).put("SourceType", "AWS::EC2::Instance");
        if (i.privateIp() != null) {
            info.put("IPAddress", i.privateIp()).put("ComputerName", "ip-" + i.privateIp().replace('.', '-') + ".ec2.internal");
        }
        return info;
    }

    /** A filter on one field; an instance matches when the field's value is one of the values. */
    private record Filter(String key, List<String> values) {
        private static final Map<String, Function<JsonNode, String>> FIELDS = Map.of(
                "InstanceIds", n -> n.path("InstanceId").asText(), "PingStatus", n -> n.path("PingStatus").asText(),
                "PlatformTypes", n -> n.path("PlatformType").asText(), "ResourceType", n -> n.path("ResourceType").asText());

        boolean matches(JsonNode info) {
            return values.contains(FIELDS.get(key).apply(info));
        }
    }

    private static final class FilterProblem extends Exception {
        final String code;

        FilterProblem(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    private static List<Filter> filters(JsonNode body) throws FilterProblem {
        List<Filter> filters = new ArrayList<>();
        for (JsonNode f : body.path("InstanceInformationFilterList")) {
            filters.add(filter(f.path("key").asText(), f.path("valueSet")));
        }
        for (JsonNode f : body.path("Filters")) {
            filters.add(filter(f.path("Key").asText(), f.path("Values")));
        }
        return filters;
    }

    private static Filter filter(String key, JsonNode values) throws FilterProblem {
        if (!KEYS.contains(key)) {
            throw new FilterProblem("InvalidFilterKey", "The filter key " + key + " is not valid (the test endpoint knows " + KEYS + ").");
        }
        if (!values.isArray() || values.isEmpty()) {
            throw new FilterProblem("InvalidInstanceInformationFilterValue", "The filter " + key + " needs at least one value.");
        }
        List<String> list = new ArrayList<>();
        values.forEach(v -> list.add(v.asText()));
        return new Filter(key, list);
    }

    private static String token(int offset) {
        return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        if (!text.startsWith("offset:")) {
            throw new IllegalArgumentException(token);
        }
        return Integer.parseInt(text.substring("offset:".length()));
    }

    private static WireResponse error(String code, String message) {
        return Json.error(400, Json.AWS_JSON_1_1, code, Json.object().put("message", message));
    }
}
