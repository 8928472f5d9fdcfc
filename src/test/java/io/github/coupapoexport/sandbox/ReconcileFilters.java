package io.github.coupapoexport.sandbox;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;

/**
 * The filters of Coupa's list that only {@code reconcile} sends: {@code id[in]} (POs by id) and
 * {@code updated-at[gt]} (changed since a time), applied as Coupa applies them.
 */
final class ReconcileFilters {

    private ReconcileFilters() {
    }

    static boolean match(Map<String, Object> po, Request request) {
        String ids = FakeHttp.param(request, "id[in]");
        if (ids != null && Arrays.stream(ids.split(",")).noneMatch(id -> id.equals(String.valueOf(po.get("id"))))) {
            return false;
        }
        String since = FakeHttp.param(request, "updated-at[gt]");
        return since == null || OffsetDateTime.parse(String.valueOf(po.get("updated-at")))
            .isAfter(OffsetDateTime.parse(since));
    }
}
