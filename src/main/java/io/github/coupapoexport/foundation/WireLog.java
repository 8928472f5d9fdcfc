package io.github.coupapoexport.foundation;

import java.io.IOException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A wire log of every Coupa and ERP call, for {@code logging.level.io.github.coupapoexport.wire=DEBUG}: method, URL,
 * headers, status and time. Credentials are masked ({@code Authorization: Bearer ******}), session cookies and SAP's
 * CSRF token too, so turning it on in production shows no secret.
 */
public class WireLog implements ClientHttpRequestInterceptor {

    private static final Logger log = LoggerFactory.getLogger("io.github.coupapoexport.wire");

    private final String system;

    public WireLog(String system) {
        this.system = system;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!log.isDebugEnabled()) {
            return execution.execute(request, body);
        }
        long started = System.nanoTime();
        log.debug("{} --> {} {} {} ({} bytes)", system, request.getMethod(), request.getURI(), masked(request.getHeaders()),
                body.length);
        try {
            ClientHttpResponse response = execution.execute(request, body);
            log.debug("{} <-- {} {} in {} ms", system, response.getStatusCode().value(), request.getURI().getPath(),
                    (System.nanoTime() - started) / 1_000_000);
            return response;
        }
        catch (IOException ex) {
            log.debug("{} <-- no answer from {} after {} ms: {}", system, request.getURI().getPath(),
                    (System.nanoTime() - started) / 1_000_000, ex.toString());
            throw ex;
        }
    }

    static String masked(HttpHeaders headers) {
        StringBuilder text = new StringBuilder("[");
        headers.forEach((name, values) -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(name).append(": ").append(isCredential(name) ? values.stream().map(WireLog::mask).toList() : values);
        });
        return text.append(']').toString();
    }

    private static boolean isCredential(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return name.equals("authorization") || name.equals("proxy-authorization") || name.contains("api-key")
                || name.equals("cookie") || name.equals("x-csrf-token");
    }

    private static String mask(String value) {
        int space = value.indexOf(' ');
        return (space > 0 ? value.substring(0, space + 1) : "") + "******";
    }

}
