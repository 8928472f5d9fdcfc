package io.github.coupapoexport.foundation;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;
import org.springframework.web.client.RestClient;

/**
 * Every Coupa and ERP call observed as {@code http.client.requests}, with a {@code uri} tag that never holds a PO's
 * id: the callers build their URIs from templates, but pass the finished URI, so the template is gone by the time
 * the observation is made and Spring would tag each call {@code uri=none}. The path is made a template again here:
 * each segment that is a number, holds three digits or more, a quote or a parenthesis (an id, a PO number, an OData
 * key like {@code A_PurchaseOrder('4500000017')}) or is longer than any name becomes {@code {id}}; the query is left
 * out. {@code oauth2} and {@code v1} stay as they are.
 */
public final class HttpObservations {

    private static final Pattern VARIABLE = Pattern.compile("[0-9]+|.*['()%].*|(.*[0-9]){3}.*");

    private static final int LONGEST_NAME = 40;

    private HttpObservations() {
    }

    /** The builder with its calls observed in {@code registry}; a registry without handlers records nothing. */
    public static RestClient.Builder observed(RestClient.Builder builder, ObservationRegistry registry) {
        return builder.observationRegistry(registry).observationConvention(new TemplatedPaths());
    }

    /** The path of a URI as a template: {@code /api/purchase_orders/4821} is {@code /api/purchase_orders/{id}}. */
    public static String template(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        return Arrays.stream(rawPath.split("/", -1))
            .map(segment -> VARIABLE.matcher(segment).matches() || segment.length() > LONGEST_NAME ? "{id}" : segment)
            .collect(Collectors.joining("/"));
    }

    /** Spring's convention, with the path template above where the caller gave none. */
    private static final class TemplatedPaths extends DefaultClientRequestObservationConvention {

        @Override
        protected KeyValue uri(ClientRequestObservationContext context) {
            ClientHttpRequest request = context.getCarrier();
            if (context.getUriTemplate() != null || request == null) {
                return super.uri(context);
            }
            return KeyValue.of("uri", template(request.getURI().getRawPath()));
        }
    }
}
