package io.newsclaims.app.explorer;

import io.newsclaims.testkit.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver ({@code apt-get install chromium chromium-driver}), started
 * headless with every address but loopback sent to a {@link LoopbackGuard} and no name resolved,
 * so no packet leaves the machine. Without them the test is skipped, except under {@code CI=true},
 * where it fails. {@code NEWSCLAIMS_CHROMIUM} and {@code NEWSCLAIMS_CHROMEDRIVER} point elsewhere.
 */
final class HeadlessChromium {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private HeadlessChromium() {
    }

    /** A headless browser whose window is {@code width} x {@code height} CSS pixels. */
    static ChromeDriver start(LoopbackGuard guard, int width, int height) {
        Path browser = find("NEWSCLAIMS_CHROMIUM", BROWSERS);
        Path driver = find("NEWSCLAIMS_CHROMEDRIVER", DRIVERS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile()); // with the binary and the driver given, Selenium Manager never runs
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--hide-scrollbars", "--force-device-scale-factor=1",
                "--proxy-server=http://" + guard.address(), // loopback bypasses the proxy; everything else meets the guard
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-first-run", "--no-pings",
                "--metrics-recording-only", "--disable-extensions",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,"
                        + "NetworkTimeServiceQuerying,OptimizationGuideModelDownloading",
                // Chromium's own services (sign-in, Google APIs, component updates) pointed at a closed loopback port
                "--gaia-url=http://127.0.0.1:9", "--google-apis-url=http://127.0.0.1:9", "--lso-url=http://127.0.0.1:9",
                "--component-updater=url-source=http://127.0.0.1:9/");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // script errors and CSP violations
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().withEnvironment(Map.of()).build();
        return new ChromeDriver(service, options);
    }

    private static Path find(String variable, List<String> candidates) {
        String given = System.getenv(variable);
        Stream<String> paths = given != null && !given.isBlank() ? Stream.of(given) : candidates.stream();
        return paths.map(Path::of).filter(Files::isExecutable).findFirst().orElseGet(() -> {
            String why = "no " + (variable.endsWith("DRIVER") ? "chromedriver" : "Chromium") + " at " + (given != null ? given
                    : candidates) + ": install Debian's chromium and chromium-driver (.ci/run does), or set " + variable;
            if (Environment.ci()) {
                Assertions.fail("CI=true: browser tests must not skip: " + why);
            }
            Assumptions.abort(why);
            return null;
        });
    }
}
