package io.github.coupapoexport.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coupa's {@code fields=[...]} selection: a name selects a field; an object selects sub-fields of an association, of
 * each element when the association is a list; an empty object ({@code {"custom_fields":{}}}) selects all of it. So a
 * field the job forgets to ask for is missing from what the fake Coupa serves, as it is from a real one.
 */
final class CoupaFields {

    private CoupaFields() {
    }

    static Map<String, Object> select(Map<String, Object> object, List<?> fields) {
        Map<String, Object> selected = new LinkedHashMap<>();
        for (Object field : fields) {
            if (field instanceof String name && object.containsKey(name)) {
                selected.put(name, object.get(name));
            }
            else if (field instanceof Map<?, ?> associations) {
                associations.forEach((name, subFields) -> {
                    if (object.containsKey(name)) {
                        Object value = object.get(name);
                        selected.put((String) name, subFields instanceof List<?> list ? selectIn(value, list) : value);
                    }
                });
            }
        }
        return selected;
    }

    @SuppressWarnings("unchecked")
    private static Object selectIn(Object value, List<?> fields) {
        if (value instanceof Map<?, ?> object) {
            return select((Map<String, Object>) object, fields);
        }
        if (value instanceof List<?> elements) {
            return elements.stream().map(element -> selectIn(element, fields)).toList();
        }
        return value;
    }
}
