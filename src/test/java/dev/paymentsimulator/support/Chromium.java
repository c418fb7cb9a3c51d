package dev.paymentsimulator.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's, installed by .ci/run) for the page tests. On CI a
 * missing browser fails the build; elsewhere the tests are skipped with a message saying
 * why.
 */
public final class Chromium {

	/**
	 * Debian's by default; SIMULATOR_CHROMIUM and SIMULATOR_CHROMEDRIVER point elsewhere.
	 */
	private static final File CHROMIUM = new File(
			System.getenv().getOrDefault("SIMULATOR_CHROMIUM", "/usr/bin/chromium"));

	private static final File CHROMEDRIVER = new File(
			System.getenv().getOrDefault("SIMULATOR_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private Chromium() {
	}

	public static WebDriver start() {
		boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing: .ci/run installs Debian's chromium and chromium-driver");
		}
		Assumptions.assumeTrue(present,
				"Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,1000");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * Screenshots for the README land in target/; copy them to docs/ when the pages
	 * change.
	 */
	public static void screenshot(WebDriver browser, String name) throws IOException {
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", name);
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

}
