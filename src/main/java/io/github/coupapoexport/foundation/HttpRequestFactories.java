package io.github.coupapoexport.foundation;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;

/** The one way this job opens HTTP connections, to Coupa and to the ERP alike. */
public final class HttpRequestFactories {

    private HttpRequestFactories() {
    }

    /** HTTP/1.1: on plain http the JDK client would otherwise ask every server for an upgrade to HTTP/2 first. */
    public static JdkClientHttpRequestFactory of(Duration connectTimeout, Duration readTimeout) {
        HttpClient httpClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
        factory.setReadTimeout(readTimeout);
        return factory;
    }
}
