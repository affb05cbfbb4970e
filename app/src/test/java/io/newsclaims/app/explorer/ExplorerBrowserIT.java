package io.newsclaims.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsclaims.store.Database;
import io.newsclaims.store.SeriesReader;
import io.newsclaims.store.api.StoreApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The claims explorer in headless Chromium, over the seeds' database served by {@link StoreApi} on
 * 127.0.0.1: what it shows, its chart, filters, article view, escaping, phone size, keyboard and
 * dark scheme, and that no request leaves loopback. Screenshots go to target/explorer-screenshots/.
 */
class ExplorerBrowserIT {
    @TempDir
    static Path dir;

    private static Database db;
    private static StoreApi api;
    private static LoopbackGuard guard;
    private static ChromeDriver driver;
    private static String base;
    private ExplorerPage page;

    @BeforeAll
    static void start() throws Exception {
        guard = new LoopbackGuard();
        driver = HeadlessChromium.start(guard, 1280, 1000);
        db = Database.open("jdbc:sqlite:" + dir.resolve("seeds.db"), null, null);
        assertTrue(SeedStore.fill(db) > 20, "the extractor found claims in the seeds");
        api = StoreApi.start("127.0.0.1", 0, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null);
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (api != null) {
            api.close();
        }
        if (db != null) {
            db.close();
        }
        if (guard != null) {
            guard.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = new ExplorerPage(driver, base);
        page.prefersColorScheme("light");
        page.open();
    }

    @AfterEach
    void noScriptErrorsNorPolicyViolations() {
        assertEquals(List.of(), page.browserErrors(), "errors in the browser's console");
    }

    @Test
    void theOverviewShowsAlibabaCloudsShareAndTheMarketSize() throws Exception {
        String alibaba = page.all("#overview-table tbody tr").stream().map(WebElement::getText)
                .filter(t -> t.startsWith("Alibaba Cloud")).findFirst().orElseThrow();
        assertTrue(alibaba.contains("35.8%"), alibaba);
        assertTrue(alibaba.contains("2025-H1"), alibaba);
        assertTrue(page.text("#markets").contains("51.8 billion yuan"), page.text("#markets"));
        String body = page.text("body");
        assertTrue(body.contains("35.8%") && body.contains("51.8 billion yuan"));
        page.screenshot("explorer");
        page.viewportScreenshot("explorer-top", 1280, 1500);
    }

    @Test
    void theChartDrawsOneLinePerProviderAndAPointShowsItsSources() throws Exception {
        SeriesReader.Series expected = new SeriesReader(db).read("market_share", null, null);
        assertTrue(expected.lines().size() >= 4, "providers with a market share: " + expected.lines().size());
        assertEquals(1, page.all("#chart-plot canvas").size());
        assertEquals(String.valueOf(expected.lines().size()), page.one("#chart-plot").getAttribute("data-series"));
        assertEquals(expected.lines().size(), page.all("#chart-plot .u-legend .u-series").size() - 1, "legend: one row per line");
        assertEquals(expected.lines().size(), page.all("#chart-table tbody tr").size());

        page.js("document.querySelector('#chart').scrollIntoView()");
        WebElement tooltip = hoverAPoint();
        String tip = tooltip.getText();
        assertTrue(tip.contains("%") && tip.contains("source") && tip.contains("“"), tip);
        page.viewportScreenshot("chart-tooltip");
        new Actions(driver).click().perform(); // a point links to its claims
        page.waitUntil(() -> page.all("#claims-table tbody tr").size() >= 1
                && !((String) page.js("return document.querySelector('#claims-form').period.value")).isEmpty());
        String period = (String) page.js("return document.querySelector('#claims-form').period.value");
        for (WebElement row : page.all("#claims-table tbody tr")) {
            assertTrue(row.getText().contains(period), row.getText());
        }
    }

    /** Moves the mouse over the plot, period by period, until a point's tooltip shows. */
    private WebElement hoverAPoint() {
        WebElement over = page.one("#chart-plot .u-over");
        int width = over.getSize().getWidth();
        int height = over.getSize().getHeight();
        int periods = page.all("#chart-table thead th").size() - 1;
        WebElement tooltip = page.one("#chart-tooltip");
        for (int p = 0; p < periods; p++) {
            int x = (int) (width * (p + 0.5) / periods) - width / 2;
            for (int y = -height / 2 + 2; y < height / 2 - 2; y += 3) {
                new Actions(driver).moveToElement(over, x, y).perform();
                if (tooltip.isDisplayed()) {
                    return tooltip;
                }
            }
        }
        throw new AssertionError("no point showed a tooltip");
    }

    @Test
    void aFilterNarrowsTheTable() {
        int before = page.all("#claims-table tbody tr").size();
        assertTrue(before > 5, "rows before: " + before);
        new Select(page.one("#claims-form select[name=provider]")).selectByValue("alibaba-cloud");
        page.one("#claims-form button[type=submit]").click();
        page.waitUntil(() -> page.all("#claims-table tbody tr").size() < before);
        List<WebElement> rows = page.all("#claims-table tbody tr");
        assertFalse(rows.isEmpty());
        for (WebElement row : rows) {
            assertEquals("Alibaba Cloud", row.findElement(org.openqa.selenium.By.cssSelector("td[data-label=Provider]")).getText());
        }
        page.one("#claims-form input[name=text]").sendKeys("35.8", Keys.ENTER);
        page.waitUntil(() -> page.all("#claims-table tbody tr").size() == 1);
        assertTrue(page.text("#claims-table tbody").contains("35.8%"));
    }

    @Test
    void aClaimLinksToItsArticleWithTheSentenceAndFigureMarked() {
        new Select(page.one("#claims-form select[name=provider]")).selectByValue("alibaba-cloud");
        page.one("#claims-form input[name=text]").sendKeys("held a 35.8%", Keys.ENTER);
        page.waitUntil(() -> page.all("#claims-table tbody tr").size() == 1);
        page.one("#claims-table tbody a.article-link").click();
        page.waitUntil(() -> !page.all("#article-text mark.figure").isEmpty());
        assertEquals("35.8%", page.text("#article-text mark.figure"));
        assertTrue(page.text("#article-text mark.sentence").startsWith("Alibaba Cloud held a 35.8% market share"),
                page.text("#article-text mark.sentence"));
        assertEquals("https://seeds.example/04", page.one("#article-url").getAttribute("href"));
    }

    @Test
    void anArticleTitleWithMarkupRendersAsText() throws Exception {
        page.one("#claims-form input[name=source]").sendKeys("xss.example", Keys.ENTER);
        page.waitUntil(() -> page.all("#claims-table tbody tr").size() >= 1
                && page.text("#claims-table tbody").contains(SeedStore.XSS_TITLE));
        assertEquals(SeedStore.XSS_TITLE, page.text("#claims-table tbody a.article-link"));
        page.one("#claims-table tbody a.article-link").click();
        page.waitUntil(() -> page.text("#article-title").equals(SeedStore.XSS_TITLE));
        assertTrue(page.text("#article-text").contains("<img src=x onerror=alert(2)>"));
        assertEquals(2L, page.js("return document.scripts.length"), "only the page's own two scripts");
        assertEquals(0L, page.js("return document.querySelectorAll('main img').length"));
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert ran");
        } catch (NoAlertPresentException expected) {
            // the markup stayed text
        }
        page.screenshot("xss-title");
    }

    @Test
    void aConflictShowsTheDifferingValuesSideBySide() {
        page.one("#facts-form input[name=conflicts]").click();
        page.waitUntil(() -> !page.all("#facts-list .fact-group.conflicting").isEmpty());
        WebElement alibaba = page.all("#facts-list .fact-group.conflicting").stream()
                .filter(g -> g.getText().startsWith("Alibaba Cloud · market share · 2025-H1")).findFirst().orElseThrow();
        List<String> values = alibaba.findElements(org.openqa.selenium.By.cssSelector(".side-by-side .fact .fig")).stream()
                .map(WebElement::getText).toList();
        assertTrue(values.contains("35.8%") && values.contains("33%"), values.toString());
        assertTrue(alibaba.getText().contains("dispute.example"), alibaba.getText());
    }

    @Test
    void itFitsAPhoneAndFollowsTheDarkScheme() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            page.prefersColorScheme("dark");
            page.open();
            assertEquals("rgb(20, 22, 26)", page.js("return getComputedStyle(document.body).backgroundColor"));
            long overflow = (Long) page.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow <= 0, "the page is wider than the phone by " + overflow + " px");
            assertEquals(1, page.all("#chart-plot canvas").size());
            page.screenshot("phone-dark");
            page.viewportScreenshot("phone-dark-top");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void everyControlIsReachableByKeyboard() {
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            visited.add((String) page.js("const e = document.activeElement;"
                    + " return e.tagName.toLowerCase() + (e.name ? '[' + e.name + ']' : '') + (e.id ? '#' + e.id : '')"
                    + " + (e.className ? '.' + e.className : '')"));
        }
        assertEquals("a.skip", visited.get(0), visited.toString());
        for (String control : List.of("select[metric]", "select[provider]", "input[text]", "input[min_confidence]", "button")) {
            assertTrue(visited.contains(control), control + " not reached: " + visited);
        }
        assertTrue(visited.stream().anyMatch(v -> v.endsWith(".article-link")), visited.toString());
        // a keyboard user filters: focus the text box, type, Enter
        page.one("#claims-form input[name=text]").sendKeys("51.8 billion", Keys.ENTER);
        page.waitUntil(() -> allRowsContain("51.8 billion"));
        assertTrue(page.text("#claims-table tbody").contains("51.8 billion yuan"));
    }

    private boolean allRowsContain(String text) {
        List<WebElement> rows = page.all("#claims-table tbody tr");
        return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains(text));
    }

    @Test
    void noRequestLeavesLoopbackAndOnlyThePagesOwnScriptsMayRun() throws Exception {
        hoverAPoint();
        page.one("#claims-table tbody a.article-link").click();
        page.waitUntil(() -> !page.all("#article-text mark.figure").isEmpty());
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) page.js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat(performance.getEntriesByType('navigation').map(e => e.name))");
        assertTrue(requested.size() >= 8, requested.toString());
        for (String url : requested) {
            assertTrue(url.startsWith(base + "/"), "a request beyond the server: " + url);
        }
        assertEquals(List.of(), guard.attempts(), "connections the browser tried beyond loopback");

        HttpResponse<String> html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = html.headers().firstValue("Content-Security-Policy").orElse(null);
        assertNotNull(csp);
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'") && !csp.contains("unsafe"), csp);
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    }
}
