package io.github.coupapoexport.erp;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * An ERP whose answers are timed: {@code coupa.po.export.erp.answers}, by what was asked ({@code deliver} or
 * {@code verdict}) and what the ERP answered ({@code accepted}, {@code rejected}, {@code queued}, {@code refused},
 * {@code vanished}, {@code unreachable}), whatever the adapter. The HTTP adapters' calls are observed one by one as
 * well; this is the time a PO waited for the ERP, retries included.
 */
public final class MeasuredErp implements Erp {

    static final String ANSWERS = "coupa.po.export.erp.answers";

    private final Erp erp;

    private final MeterRegistry registry;

    public MeasuredErp(Erp erp, MeterRegistry registry) {
        this.erp = erp;
        this.registry = registry;
    }

    @Override
    public ErpAnswer deliver(ErpDelivery delivery) {
        return timed("deliver", () -> erp.deliver(delivery));
    }

    @Override
    public ErpAnswer verdict(String idempotencyKey) {
        return timed("verdict", () -> erp.verdict(idempotencyKey));
    }

    @Override
    public String preview(ErpDelivery delivery) {
        return erp.preview(delivery);
    }

    private ErpAnswer timed(String request, Supplier<ErpAnswer> asking) {
        long started = System.nanoTime();
        String answered = "failed";
        try {
            ErpAnswer answer = asking.get();
            answered = answer.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            return answer;
        }
        finally {
            Timer.builder(ANSWERS)
                .description("Time the ERP took to answer a delivery or a verdict, retries included")
                .tag("request", request)
                .tag("answer", answered)
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
