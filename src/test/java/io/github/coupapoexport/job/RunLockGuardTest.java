package io.github.coupapoexport.job;

import io.github.coupapoexport.runlock.RunLock;
import io.github.coupapoexport.runlock.RunLockLostException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLockGuardTest {

    private final Chunk<String> chunk = Chunk.of("PO 4821");

    @Test
    void chunkIsWrittenAndCommittedWhileTheLockIsHeld() {
        // given
        RunLockGuard guard = new RunLockGuard(new Lock(true));

        // when / then
        assertThatCode(() -> guard.beforeWrite(chunk)).doesNotThrowAnyException();
        assertThatCode(() -> guard.afterWrite(chunk)).doesNotThrowAnyException();
    }

    @Test
    void lostLockRefusesTheChunkBeforeItIsWrittenAndBeforeItCommits() {
        // given
        RunLockGuard guard = new RunLockGuard(new Lock(false));

        // when / then
        assertThatThrownBy(() -> guard.beforeWrite(chunk)).isInstanceOf(RunLockLostException.class)
            .hasMessageContaining("The run lock was lost (test lock): gone");
        assertThatThrownBy(() -> guard.afterWrite(chunk)).isInstanceOf(RunLockLostException.class);
    }

    private record Lock(boolean held) implements RunLock {

        @Override
        public boolean tryAcquire() {
            return true;
        }

        @Override
        public void checkStillHeld() {
            if (!held) {
                throw new RunLockLostException(describe(), "gone");
            }
        }

        @Override
        public void release() {
        }

        @Override
        public String describe() {
            return "test lock";
        }
    }
}
