package io.newsclaims.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The explorer page in a browser: loading it, reading it, and saving screenshots under target/. */
final class ExplorerPage {
    static final Path SCREENSHOTS = Path.of("target/explorer-screenshots");

    private final ChromeDriver driver;
    private final String base;

    ExplorerPage(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Loads the page and waits until every section has its data (at most 15 s). */
    void open() {
        driver.get(base + "/");
        waitUntil(() -> "true".equals(js("return document.body.dataset.ready || ''")) || "error".equals(
                js("return document.body.dataset.ready || ''")));
        assertEquals("true", js("return document.body.dataset.ready"), () -> "the page did not load: " + text("#status"));
    }

    /**
     * Polls CONDITION for up to 15 s. The page re-renders its table while a filter loads, so an
     * element read between lookup and use may be replaced: such a poll counts as "not yet".
     */
    void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Errors the browser logged (script errors, Content-Security-Policy violations) since the last call. */
    List<String> browserErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Emulates the reader's color scheme preference ("light" or "dark"). */
    void prefersColorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Saves what the window shows as target/explorer-screenshots/NAME.png. */
    Path viewportScreenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Saves the top of the page in a window of the given size (then put back) as target/explorer-screenshots/NAME.png. */
    Path viewportScreenshot(String name, int width, int height) throws IOException {
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, height));
        try {
            js("window.scrollTo(0, 0)");
            waitUntil(() -> ((Number) js("return document.querySelector('#chart-plot canvas')?.width || 0")).intValue() > 0);
            return viewportScreenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** Saves the whole page (the window grown to its height, then put back) as target/explorer-screenshots/NAME.png. */
    Path screenshot(String name) throws IOException {
        Dimension size = driver.manage().window().getSize();
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 140, 8000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } finally {
            driver.manage().window().setSize(size);
        }
    }
}
