package io.newsclaims.testkit;

import io.newsclaims.records.Topics;
import java.util.UUID;

/** Topic names unique to one test, so tests sharing a broker never read each other's records. */
public final class TestTopics {
    private TestTopics() {
    }

    public static Topics unique(int partitions) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new Topics("test.articles." + suffix, "test.claims." + suffix, "test.deadletter." + suffix, partitions, (short) 1);
    }
}
