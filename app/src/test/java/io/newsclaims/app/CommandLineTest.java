package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.records.Json;
import java.util.ArrayList;
import java.util.List;
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

    /** The Chinese example page is cleaned, read by the Chinese rules and gives claims of the same schema. */
    @Test
    void extractReadsTheChineseExamplePage() throws Exception {
        Cli.Result r = run("extract", "../examples/china-public-cloud-h1-zh.html");
        assertEquals(0, r.rc(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out().strip());
        List<String> claims = new ArrayList<>();
        for (JsonNode c : doc.get("claims")) {
            claims.add(String.join("|", c.get("value").get("text").asText(), c.path("provider").asText("-"),
                    c.get("metric").asText(), c.path("period").asText("-"), c.path("attribution").asText("-")));
        }
        assertEquals(16, claims.size(), claims::toString);
        assertEquals(List.of("1950亿元|-|market_size|2025-H1|IDC", "18%|-|growth|2025-H1|IDC",
                "26.1%|alibaba-cloud|market_share|2025-H1|IDC", "13.2%|huawei-cloud|market_share|2025-H1|IDC",
                "11.5%|china-telecom-cloud|market_share|2025-H1|IDC", "8.4%|tencent-cloud|market_share|2025-H1|IDC"),
                claims.subList(0, 6));
        assertTrue(claims.contains("七成|-|market_share|-|-"), claims::toString); // 前五大厂商合计: combined, no provider
    }

    @Test
    void aWorkerWithoutKafkaSaysWhatToSet() {
        Cli.Result r = run("extractor");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("NEWSCLAIMS_BOOTSTRAP_SERVERS"), r.err());
    }

    /** A missing input of `extract` is a failed input, as its --help and the README say: its line, the others printed, exit 3. */
    @Test
    void aMissingInputIsAClearErrorAndTheOthersArePrinted() {
        Cli.Result r = run("extract", "no-such-file.html", "../examples/china-public-cloud-h1-zh.html");
        assertEquals(ExitCodes.INPUTS_FAILED, r.rc(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).contains("no-such-file.html") && lines.get(0).contains("unreadable_file"), lines.get(0));
        assertTrue(lines.get(1).contains("\"claims\""), lines.get(1));
    }
}
