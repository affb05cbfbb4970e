package io.newsclaims.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsclaims.app.bench.SyntheticClaims;
import io.newsclaims.store.ClaimReader;
import io.newsclaims.store.Database;
import io.newsclaims.store.api.StoreApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The explorer over 10,000 stored claims in headless Chromium: every section loads whole. How long
 * it took (the page's own measure, from navigation to the last section drawn) is recorded in
 * target/explorer-screenshots/load-10000.txt for docs/benchmarks.md; no time is asserted here.
 */
class ExplorerAtScaleIT {
    private static final int CLAIMS = 10_000;

    @TempDir
    Path dir;

    @Test
    void tenThousandClaimsLoadWhole() throws Exception {
        try (LoopbackGuard guard = new LoopbackGuard();
             Database db = Database.open("jdbc:sqlite:" + dir.resolve("scale.db"), null, null)) {
            SyntheticClaims.write(db, CLAIMS);
            assertEquals(CLAIMS, new ClaimReader(db).countClaims());
            ChromeDriver driver = HeadlessChromium.start(guard, 1280, 1000);
            try (StoreApi api = StoreApi.start("127.0.0.1", 0, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null)) {
                ExplorerPage page = new ExplorerPage(driver, "http://127.0.0.1:" + api.port());
                StringBuilder report = new StringBuilder();
                for (int load = 1; load <= 3; load++) { // the first load is cold (JIT, database cache), the others warm
                    page.open();
                    report.append(String.format("load %d: ready after %s ms (DOMContentLoaded %s ms)%n", load,
                            page.js("return document.body.dataset.readyMs"), page.js("return Math.round(performance"
                                    + ".getEntriesByType('navigation')[0].domContentLoadedEventEnd)")));
                }
                assertEquals(8, page.all("#overview-table tbody tr").size());
                assertEquals("8", page.one("#chart-plot").getAttribute("data-series"));
                assertEquals(25, page.all("#claims-table tbody tr").size());
                assertTrue(page.all("#facts-list .fact-group").size() > 10);
                assertEquals(List.of(), page.browserErrors());
                assertEquals(List.of(), guard.attempts());
                page.viewportScreenshot("load-10000");
                Files.writeString(ExplorerPage.SCREENSHOTS.resolve("load-10000.txt"), report);
                System.out.print("explorer with " + CLAIMS + " claims, headless Chromium:\n" + report);
            } finally {
                driver.quit();
            }
        }
    }
}
