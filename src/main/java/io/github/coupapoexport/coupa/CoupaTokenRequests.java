package io.github.coupapoexport.coupa;

import java.net.URI;

import io.github.coupapoexport.foundation.ClientCredentialsTokens;
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
     * @param pace the pace of every other Coupa call, which a 429 here slows down as any other 429 does
     * @param json Coupa's JSON, as every other Coupa answer is read
     */
    CoupaTokenRequests(RestClient restClient, CoupaPace pace, JsonMapper json) {
        super(restClient, tokenUri -> {
            if (!pace.awaitTurn()) {
                throw new TransientCoupaFailure("POST " + tokenUri + ": no request slot under "
                        + "coupa.requests-per-second", null);
            }
        }, json, new CoupaTokenFailures(pace));
    }

    private static final class CoupaTokenFailures implements Failures {

        private final CoupaPace pace;

        CoupaTokenFailures(CoupaPace pace) {
            this.pace = pace;
        }

        @Override
        public RuntimeException passing(String failure, URI tokenUri, int status, @Nullable HttpHeaders headers,
                @Nullable Throwable cause) {
            if (status == 429) {
                pace.tooManyRequests();
            }
            return status == 429 && headers != null ? TransientCoupaFailure.tooManyRequests(failure, tokenUri, headers)
                    : new TransientCoupaFailure(failure, cause);
        }

        @Override
        public RuntimeException wrongRequest(String failure) {
            return new CoupaCallException(failure);
        }
    }
}
