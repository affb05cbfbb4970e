package io.newsclaims.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PipelineBenchTest {
    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "crawl                                                       # crawl",
        "crawl-driver                                                # crawl",
        "kafka-producer-network-thread | bench-pipeline-crawl        # crawl",
        "extractor                                                   # extract",
        "extractor-2                                                 # extract",
        "kafka-producer-network-thread | newsclaims-extractor-1a2b3c4d # extract",
        "kafka-coordinator-heartbeat-thread | bench-extractor-1a2b3c4d # extract",
        "store                                                       # store",
        "kafka-coordinator-heartbeat-thread | bench-store-1a2b3c4d   # store",
        "news-site-7                                                 # sites (HTTP servers)",
        "HTTP-Dispatcher                                             # sites (HTTP servers)",
        "data-plane-kafka-request-handler-3                          # Kafka broker and other threads",
        "main                                                        # Kafka broker and other threads",
    })
    void threadsAreGroupedByTheStageTheirNameSays(String thread, String stage) {
        assertEquals(stage, PipelineBench.stage(thread, true));
    }

    @Test
    void withAnExternalBrokerTheRestAreOtherThreads() {
        assertEquals("other threads", PipelineBench.stage("kafka-scheduler-1", false));
    }

    private static PipelineBench.Result result(double crawlDone, double extractDone, double storeDone, double processCpu) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put(PipelineBench.CRAWL, processCpu * 0.5);
        cpu.put(PipelineBench.EXTRACT, processCpu * 0.3);
        cpu.put(PipelineBench.STORE, processCpu * 0.2);
        return new PipelineBench.Result(1, 100, 100, 100, 1000, 1000, 0, 100, 0, 100, 1000, 1.0, 0.1, crawlDone, 0.5,
                0.6, crawlDone, extractDone, storeDone, cpu, processCpu, null, 1, 110, "sqlite", true, null);
    }

    @Test
    void aStageThatFinishesLongAfterTheOneFeedingItIsTheBottleneck() {
        assertTrue(PipelineBench.bottleneck(result(10, 11, 30, 4), 2).startsWith("store (finished 19.00 s after"),
                PipelineBench.bottleneck(result(10, 11, 30, 4), 2));
        assertTrue(PipelineBench.bottleneck(result(10, 25, 26, 4), 2).startsWith("extract (finished 15.00 s after the crawl)"));
    }

    @Test
    void stagesThatFollowTheCrawlCloselyLeaveItSettingThePaceAndASaturatedCpuIsNamed() {
        String b = PipelineBench.bottleneck(result(10, 10.2, 10.4, 19), 2);
        assertTrue(b.startsWith("the crawl set the pace"), b);
        assertTrue(b.contains("the CPU was saturated (91% of 2 cores") && b.contains("most of it in crawl (50%)"), b);
    }
}
