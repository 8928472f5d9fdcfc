package io.github.coupapoexport.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coupa validates a PO on every update, and may refuse a call for one PO while taking the same call for the others:
 * a mark, a status field, a history record or an integration error. These are the refusals a test asks for.
 */
public final class CoupaRefusals {

    /** The calls that concern one PO. */
    public enum Call {
        MARK_EXPORTED, STATUS_FIELD, HISTORY_RECORD, INTEGRATION_ERROR
    }

    private static final Pattern PURCHASE_ORDER = Pattern.compile("/api/purchase_orders/(\\d+)");

    private final Map<String, Integer> refused = new ConcurrentHashMap<>();

    private final JsonMapper json = JsonMapper.builder().build();

    void refuse(Call call, long purchaseOrderId, int status) {
        refused.put(call + "/" + purchaseOrderId, status);
    }

    /** The refusal of this request, or null when Coupa takes it. */
    ResponseDefinition answer(Request request, String path, Map<String, Object> body) {
        if (refused.isEmpty()) {
            return null;
        }
        String method = request.getMethod().getName();
        Matcher purchaseOrder = PURCHASE_ORDER.matcher(path);
        Call call = null;
        Object purchaseOrderId = null;
        if (method.equals("PUT") && purchaseOrder.matches()) {
            call = request.queryParameter("exported").isPresent() ? Call.MARK_EXPORTED : Call.STATUS_FIELD;
            purchaseOrderId = purchaseOrder.group(1);
        }
        else if (method.equals("POST") && path.startsWith("/api/integration_history_records")) {
            call = Call.HISTORY_RECORD;
            purchaseOrderId = body.get("document-id");
        }
        else if (method.equals("POST") && path.startsWith("/api/integration_errors")) {
            call = Call.INTEGRATION_ERROR;
            purchaseOrderId = body.get("document-id");
        }
        Integer status = call == null ? null : refused.get(call + "/" + purchaseOrderId);
        if (status == null) {
            return null;
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(json.writeValueAsString(Map.of("errors", Map.of("order_header",
                    List.of("Ship to address is not valid for PO id " + purchaseOrderId)))))
            .build();
    }
}
