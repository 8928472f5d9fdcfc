package io.github.coupapoexport.foundation;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An answer's body read as JSON when it is JSON: a proxy's HTML page or an empty body is not an error here. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    public static @Nullable JsonNode treeOrNull(JsonMapper json, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        }
        catch (JacksonException ex) {
            return null;
        }
    }
}
