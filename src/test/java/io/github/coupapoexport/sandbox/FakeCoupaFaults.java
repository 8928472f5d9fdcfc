package io.github.coupapoexport.sandbox;

import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** What the fake Coupa can be told to answer instead of the call's own answer, as a real Coupa sometimes does. */
public class FakeCoupaFaults {

    private static final String RATE_LIMIT_EXCEEDED = "{\"errors\":{\"base\":[\"Rate limit exceeded\"]}}";

    private final CoupaRefusals refusals = new CoupaRefusals();

    private int failEvery;

    private int throttled;

    private int retryAfterSeconds;

    private int slowGets;

    private int slowMillis;

    private boolean truncateNextPage;

    private double limitPerSecond;

    private double bucket;

    private int burst;

    private long bucketRefilledAt;

    private int rateLimited;

    /** Every {@code n}-th API call answers 503 (10 for "10 % of calls"). */
    public synchronized void failEvery(int n) {
        failEvery = n;
    }

    /** The next {@code calls} API calls answer 429 with {@code Retry-After: seconds}. */
    public synchronized void throttle(int calls, int seconds) {
        throttled = calls;
        retryAfterSeconds = seconds;
    }

    /** The next {@code calls} GETs answer only after {@code millis}. */
    public synchronized void slowDownGets(int calls, int millis) {
        slowGets = calls;
        slowMillis = millis;
    }

    /** The next page of POs comes back cut off in the middle of its JSON. */
    public synchronized void truncateNextPage() {
        truncateNextPage = true;
    }

    /** Coupa's own limit: {@code perSecond} requests a second with a burst of {@code burst}; beyond it, 429. */
    public synchronized void limitTo(double perSecond, int burst) {
        limitPerSecond = perSecond;
        this.burst = burst;
        bucket = burst;
        bucketRefilledAt = System.nanoTime();
    }

    /** How many calls the limit of {@link #limitTo} refused. */
    public synchronized int rateLimited() {
        return rateLimited;
    }

    /** From now on, Coupa refuses this call for this PO with {@code status} and a validation error. */
    void refuse(CoupaRefusals.Call call, long purchaseOrderId, int status) {
        refusals.refuse(call, purchaseOrderId, status);
    }

    /**
     * @param call the number of this API call, counted from the first
     * @param page the JSON of the page this call would get, for a page to cut off
     * @return the fault to answer this call with, or null to answer it normally
     */
    synchronized ResponseDefinition answer(Request request, String path, int call, Supplier<String> page) {
        if (limitPerSecond > 0) {
            long now = System.nanoTime();
            bucket = Math.min(burst, bucket + (now - bucketRefilledAt) / 1e9 * limitPerSecond);
            bucketRefilledAt = now;
            if (bucket < 1) {
                rateLimited++;
                return ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1")
                    .withBody(RATE_LIMIT_EXCEEDED).build();
            }
            bucket -= 1;
        }
        if (throttled > 0) {
            throttled--;
            return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .withBody(RATE_LIMIT_EXCEEDED)
                .build();
        }
        ResponseDefinition refusal = refusals.answer(request, path, FakeHttp.body(request));
        if (refusal != null) {
            return refusal;
        }
        if (failEvery > 0 && call % failEvery == 0) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(503).withBody("Service Unavailable").build();
        }
        boolean get = request.getMethod().getName().equals("GET");
        if (get && slowGets > 0) {
            slowGets--;
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withFixedDelay(slowMillis)
                .withBody("[]").build();
        }
        if (get && truncateNextPage && path.equals("/api/purchase_orders")
                && !"[\"id\"]".equals(FakeHttp.param(request, "fields"))) {
            truncateNextPage = false;
            String whole = page.get();
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(whole.substring(0, whole.length() / 2)).build();
        }
        return null;
    }
}
