package io.github.coupapoexport.coupa;

import java.net.URI;

import io.github.coupapoexport.foundation.ClientCredentialsTokens;
import io.github.resilience4j.ratelimiter.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token request of Coupa's client-credentials flow: {@code POST /oauth2/token} with the client id and secret as
 * form fields, as Coupa documents it, under Coupa's rate limiter (Coupa counts token requests against the same
 * limit). A busy or failing endpoint is a {@link TransientCoupaFailure}, retried by {@link CoupaApi} like any call.
 */
class CoupaTokenRequests extends ClientCredentialsTokens {

    /**
     * @param rateLimiter the limiter of every other Coupa call
     * @param json Coupa's JSON, as every other Coupa answer is read
     */
    CoupaTokenRequests(RestClient restClient, RateLimiter rateLimiter, JsonMapper json) {
        super(restClient, tokenUri -> {
            if (!rateLimiter.acquirePermission()) {
                throw new TransientCoupaFailure("POST " + tokenUri + ": no request slot under "
                        + "coupa.requests-per-second", null);
            }
        }, json, new CoupaTokenFailures());
    }

    private static final class CoupaTokenFailures implements Failures {

        @Override
        public RuntimeException passing(String failure, URI tokenUri, int status, @Nullable HttpHeaders headers,
                @Nullable Throwable cause) {
            return status == 429 && headers != null ? TransientCoupaFailure.tooManyRequests(failure, tokenUri, headers)
                    : new TransientCoupaFailure(failure, cause);
        }

        @Override
        public RuntimeException wrongRequest(String failure) {
            return new CoupaCallException(failure);
        }
    }
}
