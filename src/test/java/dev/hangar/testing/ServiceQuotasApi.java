package dev.hangar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Service Quotas (awsJson1_1, target ServiceQuotasV20190624) for service code "ec2" from
 * {@link FakeServiceQuotas}; other service codes go on to moto. moto 5.2.1 answers
 * GetServiceQuota for EC2 codes with NoSuchResourceException and GetAWSDefaultServiceQuota with 500.
 */
final class ServiceQuotasApi implements LocalApi {

    private static final String ACCOUNT = "123456789012";
    private static final int DEFAULT_PAGE = 100;

    private final FakeServiceQuotas quotas;

    ServiceQuotasApi(FakeServiceQuotas quotas) {
        this.quotas = quotas;
    }

    @Override
    public WireResponse answer(Call call, WireRequest request) {
        if (!"servicequotas".equals(call.service()) || !"ec2".equals(call.param("ServiceCode"))) {
            return null;
        }
        String region = call.region() == null ? "us-east-1" : call.region();
        String code = call.param("QuotaCode");
        return switch (call.action()) {
            case "GetServiceQuota" -> one(code, region, FakeServiceQuotas.Quota::value);
            case "GetAWSDefaultServiceQuota" -> one(code, region, FakeServiceQuotas.Quota::defaultValue);
            case "ListServiceQuotas" -> list(quotas.quotas(), Json.parse(request.body()), region, FakeServiceQuotas.Quota::value);
            case "ListAWSDefaultServiceQuotas" ->
                    list(quotas.quotas(), Json.parse(request.body()), region, FakeServiceQuotas.Quota::defaultValue);
            default -> null; // e.g. RequestServiceQuotaIncrease: moto's answer is as good as any
        };
    }

    private WireResponse one(String code, String region, ToDoubleFunction<FakeServiceQuotas.Quota> value) {
        return quotas.quota(code)
                .map(q -> Json.response(200, Json.AWS_JSON_1_1, Json.object().set("Quota", render(q, region, value))))
                .orElseGet(() -> Json.error(400, Json.AWS_JSON_1_1, "NoSuchResourceException",
                        Json.object().put("Message", "The request failed because the specified service quota ("
                                + code + ") does not exist.")));
    }

    private WireResponse list(List<FakeServiceQuotas.Quota> all, JsonNode body, String region,
            ToDoubleFunction<FakeServiceQuotas.Quota> value) {
        int from = body.hasNonNull("NextToken") ? Integer.parseInt(body.get("NextToken").asText()) : 0;
        int size = body.hasNonNull("MaxResults") ? body.get("MaxResults").asInt() : DEFAULT_PAGE;
        int to = Math.min(all.size(), from + size);
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("Quotas");
        all.subList(Math.min(from, to), to).forEach(q -> list.add(render(q, region, value)));
        if (to < all.size()) {
            answer.put("NextToken", String.valueOf(to));
        }
        return Json.response(200, Json.AWS_JSON_1_1, answer);
    }

    private static ObjectNode render(FakeServiceQuotas.Quota q, String region, ToDoubleFunction<FakeServiceQuotas.Quota> value) {
        ObjectNode quota = Json.object()
                .put("ServiceCode", "ec2")
                .put("ServiceName", "Amazon Elastic Compute Cloud (Amazon EC2)")
                .put("QuotaArn", "arn:aws:servicequotas:" + region + ":" + ACCOUNT + ":ec2/" + q.code())
                .put("QuotaCode", q.code())
                .put("QuotaName", q.name())
                .put("Value", value.applyAsDouble(q))
                .put("Unit", "None")
                .put("Adjustable", true)
                .put("GlobalQuota", false)
                .put("QuotaAppliedAtLevel", "ACCOUNT");
        ObjectNode metric = quota.putObject("UsageMetric")
                .put("MetricNamespace", "AWS/Usage")
                .put("MetricName", "ResourceCount")
                .put("MetricStatisticRecommendation", "Maximum");
        metric.putObject("MetricDimensions")
                .put("Class", q.usageClass())
                .put("Resource", "vCPU")
                .put("Service", "EC2")
                .put("Type", "Resource");
        return quota;
    }
}
