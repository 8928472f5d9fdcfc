package io.github.coupapoexport.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A minute later at every reading: each write is later than the one before, whatever the database's precision. */
public final class TickingClock extends Clock {

    private Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Override
    public synchronized Instant instant() {
        now = now.plusSeconds(60);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
