package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.records.Json;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static Cli.Result run(String... args) {
        return Cli.execute(args);
    }

    @Test
    void helpListsEveryCommand() {
        Cli.Result r = run("--help");
        assertEquals(0, r.rc());
        for (String cmd : new String[] {"run", "crawl", "extractor", "store", "extract", "article", "query"}) {
            assertTrue(r.out().contains("  " + cmd + " "), () -> cmd + " missing from: " + r.out());
        }
    }

    @Test
    void theBrokerListensOnLoopbackOnly() {
        Cli.Result r = run("broker", "--listen", "10.1.2.3:9092");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("127.0.0.1:PORT"), r.err());
    }

    @Test
    void untilIdleIsForADistributedCrawl() {
        Cli.Result r = run("crawl", "--bootstrap-servers", "127.0.0.1:9", "--until-idle", "30s", "https://news.example/a");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("--until-idle needs --distributed"), r.err());
    }

    @Test
    void crawlOptionsShowTheDefaultsDefinedOnce() {
        Cli.Result r = run("crawl", "--help");
        assertTrue(r.out().contains("default " + io.newsclaims.ingest.fetch.FetchSettings.DEFAULT_HOST_DELAY_MILLIS + "ms"), r.out());
        assertTrue(r.out().contains("up to " + io.newsclaims.ingest.CrawlSettings.MAX_CRAWL_DELAY_SECONDS + "s"), r.out());
        assertTrue(r.out().contains("default " + io.newsclaims.ingest.CrawlSettings.DEFAULT_THREADS + ")"), r.out());
    }

    @Test
    void optionsNameTheirEnvironmentVariables() {
        Cli.Result r = run("run", "--help");
        assertTrue(r.out().contains("NEWSCLAIMS_BOOTSTRAP_SERVERS"), r.out());
        assertTrue(r.out().contains("NEWSCLAIMS_JDBC_URL"), r.out());
    }

    @Test
    void extractPrintsTheClaimContractForAnExamplePage() throws Exception {
        Cli.Result r = run("extract", "../examples/alibaba-leads-china-ai-cloud-market.html");
        assertEquals(0, r.rc(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out().strip());
        assertEquals("../examples/alibaba-leads-china-ai-cloud-market.html", doc.get("source").asText());
        JsonNode first = doc.get("claims").get(0);
        for (String field : new String[] {"id", "provider", "metric", "period", "attribution", "sentence"}) {
            assertTrue(first.has(field), field);
        }
        JsonNode share = null;
        for (JsonNode c : doc.get("claims")) {
            if (c.get("value").get("text").asText().equals("35.8%")) {
                share = c;
            }
        }
        assertEquals("alibaba-cloud", share.get("provider").asText());
        assertEquals("percent", share.get("value").get("kind").asText());
        assertEquals(35.8, share.get("value").get("number").asDouble(), 1e-9);
        String text = doc.get("claims").toString();
        assertTrue(text.contains("\"number\":51800000000"), text);
    }

    @Test
    void aWorkerWithoutKafkaSaysWhatToSet() {
        Cli.Result r = run("extractor");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("NEWSCLAIMS_BOOTSTRAP_SERVERS"), r.err());
    }

    @Test
    void aMissingInputIsAClearError() {
        Cli.Result r = run("extract", "no-such-file.html");
        assertEquals(1, r.rc());
        assertTrue(r.err().contains("no-such-file.html"), r.err());
    }
}
