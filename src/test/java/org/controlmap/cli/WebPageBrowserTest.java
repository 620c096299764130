package org.controlmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The web page in a real browser: Debian's Chromium, headless, driven through chromedriver by Selenium, loading
 * the pages {@code web} writes from {@code file://}. Without Chromium and chromedriver the tests are skipped (a
 * JUnit assumption, reported as skipped, never as passed), with the command that installs them.
 *
 * <p>Paths: {@code CONTROLMAP_CHROMIUM} and {@code CONTROLMAP_CHROMEDRIVER}, else /usr/bin/chromium and
 * /usr/bin/chromedriver. Selenium Manager is never asked (it would download a browser).
 */
class WebPageBrowserTest {
    static final String INSTALL = "no Chromium for the browser tests of the web page: install it with "
            + "'apt-get install -y chromium chromium-driver' (Debian; or set CONTROLMAP_CHROMIUM and "
            + "CONTROLMAP_CHROMEDRIVER)";

    @TempDir
    static Path dir;
    static Path snapshotsPage;
    static Path scenarioPage;
    static ChromeDriver driver;

    static Path executable(String env, String fallback) {
        String p = System.getenv(env);
        return Path.of(p != null && !p.isBlank() ? p : fallback);
    }

    @BeforeAll
    static void start() throws IOException {
        Path chromium = executable("CONTROLMAP_CHROMIUM", "/usr/bin/chromium");
        Path chromedriver = executable("CONTROLMAP_CHROMEDRIVER", "/usr/bin/chromedriver");
        boolean found = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        if (!found) {
            // Each test then reports itself skipped with this reason (an assumption here would hide them all).
            System.err.println("WebPageBrowserTest SKIPPED: " + INSTALL);
            return;
        }

        Path in = AnimateCommandTest.snapshots(dir, 1, 4, 9);
        snapshotsPage = dir.resolve("snapshots.html");
        CliRun r = CliRun.run("web", in.toString(), "-o", snapshotsPage.toString(), "--width", "900");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        scenarioPage = dir.resolve("scenario.html");
        r = CliRun.run("web", "-o", scenarioPage.toString(), "--width", "900");
        assertThat(r.code()).as(r.err()).isEqualTo(0);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1200,1000", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void needsBrowserAndClearsLogs() {
        assumeTrue(driver != null, INSTALL);
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    private static String url(Path p) {
        return p.toUri().toString();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Console messages at error level (a script error, a blocked load or a CSP violation). */
    private static List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /** The URLs the browser asked for since the logs were last read (DevTools' Network.requestWillBeSent). */
    private static List<String> requests() throws IOException {
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode m = json.readTree(e.getMessage()).path("message");
            if (m.path("method").asText().equals("Network.requestWillBeSent")) {
                out.add(m.path("params").path("request").path("url").asText());
            }
        }
        return out;
    }

    @Test
    void opensFromFileWithNoRequestAndNoConsoleError() throws IOException {
        driver.get(url(snapshotsPage));
        assertThat(driver.findElement(By.id("total-km2")).getText()).isNotBlank();
        assertThat(requests()).allMatch(u -> u.equals(url(snapshotsPage)), "only the page itself");
        assertThat(js("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
        assertThat(consoleErrors()).isEmpty();
        driver.get(url(scenarioPage));
        assertThat(requests()).allMatch(u -> u.equals(url(scenarioPage)), "only the page itself");
        assertThat(js("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void sliderChangesTheTotalAndTheDrawnDateAndGround() {
        driver.get(url(snapshotsPage));
        WebElement slider = driver.findElement(By.id("date"));
        String total = driver.findElement(By.id("total-km2")).getText();
        String drawn = (String) js("return document.querySelector('#map svg text.frame-date').textContent");
        String held = (String) js("return document.querySelector('#map svg path.controlled').getAttribute('d')");
        assertThat(drawn).isEqualTo("2024-01-09");
        slider.sendKeys(Keys.HOME); // the keyboard moves it, as a reader without a mouse would
        assertThat(driver.findElement(By.id("total-km2")).getText()).isNotEqualTo(total);
        assertThat(js("return document.querySelector('#map svg text.frame-date').textContent"))
                .isEqualTo("2024-01-01");
        assertThat(driver.findElement(By.id("shown-date")).getText()).isEqualTo("2024-01-01");
        assertThat(js("return document.querySelector('#map svg path.controlled').getAttribute('d')"))
                .isNotEqualTo(held);
        slider.sendKeys(Keys.ARROW_RIGHT);
        assertThat(js("return document.querySelector('#map svg text.frame-date').textContent"))
                .isEqualTo("2024-01-04");
        slider.sendKeys(Keys.END);
        assertThat(driver.findElement(By.id("total-km2")).getText()).isEqualTo(total);
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void tooltipShowsOnHover() {
        driver.get(url(scenarioPage));
        WebElement tip = driver.findElement(By.id("tooltip"));
        assertThat(tip.isDisplayed()).isFalse();
        // A point inside Zaporizhzhia (its path's own test, not its box's centre) under the pointer.
        Map<?, ?> at = (Map<?, ?>) js("var p = document.querySelector('path.region[data-iso=\"UA-23\"]');"
                + "var svg = p.ownerSVGElement, b = p.getBBox(), m = p.getScreenCTM(), pt = svg.createSVGPoint();"
                + "for (var i = 1; i < 20; i++) { for (var j = 1; j < 20; j++) {"
                + "  pt.x = b.x + b.width * i / 20; pt.y = b.y + b.height * j / 20;"
                + "  var s = pt.matrixTransform(m);"
                + "  var hit = document.elementFromPoint(s.x, s.y);"
                + "  if (hit === p) { return {x: s.x, y: s.y}; } } }"
                + "return null;");
        assertThat(at).as("a point of Zaporizhzhia the pointer reaches").isNotNull();
        new Actions(driver).moveToLocation((int) Math.round(((Number) at.get("x")).doubleValue()),
                (int) Math.round(((Number) at.get("y")).doubleValue())).perform();
        assertThat(tip.isDisplayed()).isTrue();
        assertThat(tip.getText()).contains("Zaporizhzhia").contains("UA-23").contains("70.0%")
                .contains("more than 70%").contains("19,026");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void tooltipShowsOnKeyboardFocus() {
        driver.get(url(snapshotsPage));
        WebElement tip = driver.findElement(By.id("tooltip"));
        driver.findElement(By.id("date")).sendKeys(Keys.TAB); // from the slider to the map's first region
        Object iso = js("var a = document.activeElement; return a && a.getAttribute('data-iso');");
        assertThat(iso).as((String) js("var a = document.activeElement; return a.tagName + '#' + a.id + '.'"
                + " + a.getAttribute('class');")).isNotNull();
        assertThat(tip.isDisplayed()).isTrue();
        assertThat(tip.getText()).contains((String) iso).contains("Held km²");
        // Tab on to Donetsk, which the snapshots hold: its tooltip gives the date's held km².
        for (int i = 0; i < 40 && !"UA-14".equals(js("return document.activeElement.getAttribute('data-iso')"));
                i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(js("return document.activeElement.getAttribute('data-iso')")).isEqualTo("UA-14");
        assertThat(tip.getText()).contains("Donetsk").contains("2024-01-09").doesNotContain("Held km²\n–");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertThat(tip.isDisplayed()).isFalse();
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void screenshotIsNotBlankAndShowsHeldGround() throws IOException {
        driver.get(url(snapshotsPage));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        int red = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                int r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (r > 180 && g < 90 && b < 80) {
                    red++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
        assertThat(red).as("pixels of held ground").isGreaterThan(100);
    }

    @Test
    void worksInsideAnIframe() throws IOException {
        Path host = dir.resolve("host.html");
        Files.writeString(host, "<!DOCTYPE html><title>host</title><iframe src=\"" + snapshotsPage.getFileName()
                + "\" width=\"900\" height=\"700\" title=\"map\"></iframe>");
        driver.get(url(host));
        driver.switchTo().frame(0);
        try {
            String total = driver.findElement(By.id("total-km2")).getText();
            driver.findElement(By.id("date")).sendKeys(Keys.HOME);
            assertThat(driver.findElement(By.id("total-km2")).getText()).isNotEqualTo(total);
        } finally {
            driver.switchTo().defaultContent();
        }
        assertThat(consoleErrors()).isEmpty();
        assertThat(requests()).allMatch(u -> u.equals(url(host)) || u.equals(url(snapshotsPage)));
    }

    @Test
    void heldGroundIsDrawnWhenTheLastDateHeldNoneOfUkraine() throws IOException {
        Path in = AnimateCommandTest.snapshots(dir.resolve("abroad"), 1, 2);
        // The last date's ground lies in Poland, far from every Ukrainian region: its map draws no held ground.
        Files.writeString(in.resolve("front_20240103.geojson"), AnimateCommandTest.box(19, 20, 51, 52));
        Path page = dir.resolve("abroad.html");
        CliRun r = CliRun.run("web", in.toString(), "-o", page.toString(), "--width", "900");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(Files.readString(page)).doesNotContain("<path class=\"controlled\"");
        driver.get(url(page));
        driver.findElement(By.id("date")).sendKeys(Keys.HOME);
        assertThat(js("var p = document.querySelector('#map svg g.controlled path.controlled');"
                + "return p && p.getAttribute('fill') + ' ' + (p.getAttribute('d').length > 20);"))
                .isEqualTo("#d7301f true");
        assertThat(driver.findElement(By.id("total-km2")).getText()).isNotEqualTo("0");
        assertThat(consoleErrors()).isEmpty();
    }
}
