package dev.hangar.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * The IAM Identity Center portal API (service "sso", restJson1) that moto does not have:
 * GetRoleCredentials, ListAccounts, ListAccountRoles, Logout, authorized by the
 * {@code x-amz-sso_bearer_token} header.
 */
final class SsoPortalApi implements LocalApi {

    private static final int DEFAULT_PAGE = 20;

    private final FakeIdentityCenter center;

    SsoPortalApi(FakeIdentityCenter center) {
        this.center = center;
    }

    @Override
    public WireResponse answer(Call call, WireRequest request) {
        if (!"sso".equals(call.service())) {
            return null;
        }
        String token = request.headers().first("x-amz-sso_bearer_token");
        if (!center.isValid(token)) {
            return error(401, "UnauthorizedException", "Session token not found or invalid");
        }
        return switch (call.action()) {
            case "GetRoleCredentials" -> roleCredentials(call.param("account_id"), call.param("role_name"));
            case "ListAccounts" -> page(center.accounts(), call, "accountList", a -> Json.object()
                    .put("accountId", a.accountId()).put("accountName", a.accountName())
                    .put("emailAddress", a.emailAddress()));
            case "ListAccountRoles" -> center.account(call.param("account_id"))
                    .map(a -> page(a.roles(), call, "roleList", r -> Json.object()
                            .put("roleName", r).put("accountId", a.accountId())))
                    .orElseGet(() -> error(403, "ForbiddenException", "No access"));
            case "Logout" -> {
                center.logout(token);
                yield WireResponse.of(200, null, "");
            }
            default -> error(404, "ResourceNotFoundException", "unknown SSO portal call " + call.action());
        };
    }

    private WireResponse roleCredentials(String accountId, String roleName) {
        boolean assigned = center.account(accountId).map(a -> a.roles().contains(roleName)).orElse(false);
        if (!assigned) {
            return error(403, "ForbiddenException", "No access");
        }
        FakeIdentityCenter.IssuedCredentials c = center.issueCredentials(accountId, roleName);
        ObjectNode creds = Json.object()
                .put("accessKeyId", c.accessKeyId())
                .put("secretAccessKey", c.secretAccessKey())
                .put("sessionToken", c.sessionToken())
                .put("expiration", c.expiration().toEpochMilli()); // epoch milliseconds, a JSON number
        return Json.response(200, Json.REST_JSON, Json.object().set("roleCredentials", creds));
    }

    /** One page; next_token is the index of the first item of the next page. */
    private static <T> WireResponse page(List<T> items, Call call, String listName, Function<T, ObjectNode> render) {
        int from = call.param("next_token") == null ? 0 : Integer.parseInt(call.param("next_token"));
        int size = call.param("max_result") == null ? DEFAULT_PAGE : Integer.parseInt(call.param("max_result"));
        int to = Math.min(items.size(), from + size);
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray(listName);
        items.subList(Math.min(from, to), to).forEach(i -> list.add(render.apply(i)));
        if (to < items.size()) {
            body.put("nextToken", String.valueOf(to));
        } else {
            body.putNull("nextToken");
        }
        return Json.response(200, Json.REST_JSON, body);
    }

    private static WireResponse error(int status, String code, String message) {
        return Json.error(status, Json.REST_JSON, code, Json.object().put("message", message));
    }
}
