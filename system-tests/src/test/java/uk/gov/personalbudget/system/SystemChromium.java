package uk.gov.personalbudget.system;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The machine's own Chromium and chromedriver (Debian's {@code chromium} and {@code chromium-driver}), headless.
 * Both paths are given explicitly, so Selenium never looks for, or downloads, a browser or driver of its own.
 */
final class SystemChromium {

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("CONSOLE_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER =
            Path.of(System.getenv().getOrDefault("CONSOLE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private SystemChromium() {}

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A fresh headless browser with a throwaway profile under {@code profileParent}. */
    /** Where the browser started with {@code profileParent} saves what it downloads. */
    static Path downloads(Path profileParent) {
        return profileParent.resolve("downloads");
    }

    static ChromeDriver start(Path profileParent) throws IOException {
        Path profile = Files.createTempDirectory(Files.createDirectories(profileParent), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--user-data-dir=" + profile,
                "--window-size=1400,1800",
                "--force-device-scale-factor=1",
                "--lang=en-GB");
        // Downloads land, without asking, in downloads(profileParent).
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        Files.createDirectories(downloads(profileParent)).toString(),
                        "download.prompt_for_download",
                        false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Files.createDirectories(Path.of("target", "service-logs"))
                        .resolve("chromedriver.log")
                        .toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1800));
        return driver;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
