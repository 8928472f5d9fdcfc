package io.github.coupapoexport.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;

/** An ERP that gives the answers it was told, in order, then accepts everything; it keeps every delivery. */
final class ScriptedErp implements Erp {

    private final Deque<ErpAnswer> answers = new ArrayDeque<>();

    private final List<ErpDelivery> deliveries = new ArrayList<>();

    private final Deque<ErpAnswer> verdicts = new ArrayDeque<>();

    private final List<String> verdictsAsked = new ArrayList<>();

    ScriptedErp answering(ErpAnswer... next) {
        answers.addAll(List.of(next));
        return this;
    }

    @Override
    public ErpAnswer deliver(ErpDelivery delivery) {
        deliveries.add(delivery);
        return answers.isEmpty() ? new ErpAnswer.Accepted(201, "ERP-" + deliveries.size(), false) : answers.poll();
    }

    /** For an ERP that queues: its verdicts on queued documents, in the order they are asked for. */
    ScriptedErp deciding(ErpAnswer... next) {
        verdicts.addAll(List.of(next));
        return this;
    }

    @Override
    public ErpAnswer verdict(String idempotencyKey) {
        verdictsAsked.add(idempotencyKey);
        if (verdicts.isEmpty()) {
            throw new IllegalStateException("the test gave no verdict for " + idempotencyKey);
        }
        return verdicts.poll();
    }

    /** The keys whose verdict was asked for, in order. */
    List<String> verdictsAsked() {
        return List.copyOf(verdictsAsked);
    }

    /** The idempotency keys delivered, in order. */
    List<String> deliveredKeys() {
        return deliveries.stream().map(ErpDelivery::idempotencyKey).toList();
    }

    List<ErpDelivery> deliveries() {
        return List.copyOf(deliveries);
    }
}
