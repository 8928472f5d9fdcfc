package io.github.coupapoexport.sandbox;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;

/**
 * The OAuth 2.0 token service in front of the fake SAP, as SAP's (XSUAA) answers a client-credentials request:
 * {@code POST /oauth/token}, the client's id and secret in a Basic Authorization header (form-encoded only with
 * {@code X-CF-ENCODED-CREDENTIALS: true}, else taken as they come) or as form fields, a JSON
 * token valid for 12 hours; {@code 401 {"error":"invalid_client"}} for wrong credentials. Tests can make it refuse
 * the client, or answer 503 a few times.
 */
public final class FakeSapTokenService {

    public static final String PATH = "/oauth/token";

    public static final String CLIENT_ID = "sb-coupa-po-export!t1234";

    public static final String CLIENT_SECRET = "sap-oauth-5d1e+/=";

    private final Set<String> issued = new HashSet<>();

    private boolean refusing;

    private int failures;

    private int requests;

    /**
     * The settings of a deployment against the fake SAP that signs in with OAuth 2.0 instead of the user and
     * password of {@link FakeSap#settings()}.
     */
    public static List<String> settings(FakeSap sap) {
        List<String> settings = new ArrayList<>(sap.settings().stream()
            .filter(setting -> !setting.startsWith("--erp.sap.username=") && !setting.startsWith("--erp.sap.password="))
            .toList());
        settings.addAll(List.of("--erp.sap.oauth2.token-uri=" + sap.baseUrl() + PATH,
                "--erp.sap.oauth2.client-id=" + CLIENT_ID, "--erp.sap.oauth2.client-secret=" + CLIENT_SECRET));
        return settings;
    }

    /** From now on the client's credentials are refused, or, with false, taken again. */
    public synchronized void refuseClient(boolean refuse) {
        refusing = refuse;
    }

    /** Every token issued so far is no longer taken, as after a revocation: SAP answers 401 to it. */
    public synchronized void revokeTokens() {
        issued.clear();
    }

    /** The next {@code times} token requests are answered 503. */
    public synchronized void failNext(int times) {
        failures = times;
    }

    /** Token requests received so far. */
    public synchronized int requests() {
        return requests;
    }

    /** Whether the Authorization header carries a token this service issued. */
    synchronized boolean authorizes(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && issued.contains(authorization.substring("Bearer ".length()));
    }

    synchronized void handle(HttpExchange exchange, byte[] body) throws IOException {
        requests++;
        String form = URLDecoder.decode(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        // As SAP's service (UAA) does by default: the Basic credentials are taken as they come, form-decoded only
        // when the client says it encoded them (X-CF-ENCODED-CREDENTIALS: true).
        boolean encoded = "true".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-CF-ENCODED-CREDENTIALS"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(((encoded ? encode(CLIENT_ID) : CLIENT_ID) + ":"
                + (encoded ? encode(CLIENT_SECRET) : CLIENT_SECRET)).getBytes(StandardCharsets.UTF_8));
        boolean credentials = basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || form.contains("client_id=" + CLIENT_ID) && form.contains("client_secret=" + CLIENT_SECRET);
        if (failures > 0) {
            failures--;
            FakeSapRules.send(exchange, 503, "text/html", "<html><body>Service Unavailable</body></html>");
        }
        else if (!exchange.getRequestMethod().equals("POST") || !form.contains("grant_type=client_credentials")) {
            FakeSapRules.send(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
        }
        else if (refusing || !credentials) {
            FakeSapRules.send(exchange, 401, "application/json", "{\"error\":\"invalid_client\",\"error_description\":"
                    + "\"Bad credentials\"}");
        }
        else {
            String token = UUID.randomUUID().toString();
            issued.add(token);
            FakeSapRules.send(exchange, 200, "application/json", "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\","
                    + "\"expires_in\":43199,\"scope\":\"uaa.resource\"}");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
