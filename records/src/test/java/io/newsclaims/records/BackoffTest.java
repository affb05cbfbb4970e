package io.newsclaims.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToItsCap() {
        Backoff b = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), 0);
        assertEquals(Duration.ofMillis(400), b.next().delay());
        assertEquals(Duration.ofMillis(800), b.next().next().delay());
        assertEquals(Duration.ofSeconds(1), b.next().next().next().delay());
        assertEquals(Duration.ofSeconds(1), b.next().next().next().next().delay());
    }

    @Test
    void jitterAddsAtMostItsShare() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.25);
        for (int i = 0; i < 100; i++) {
            Duration wait = b.withJitter();
            assertTrue(wait.compareTo(Duration.ofSeconds(1)) >= 0 && wait.compareTo(Duration.ofMillis(1250)) <= 0, wait.toString());
        }
        assertEquals(Duration.ofSeconds(1), new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0).withJitter());
    }

    @Test
    void refusesADelayOverItsCapAndAJitterOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 1.5));
    }
}
