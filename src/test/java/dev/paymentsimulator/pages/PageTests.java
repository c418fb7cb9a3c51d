package dev.paymentsimulator.pages;

import java.time.Duration;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.paymentsimulator.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * What the page tests share: one Chromium per class, a webhook receiver at {@code /hooks}
 * that thanks the sender, and a laptop-sized window to start each test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class PageTests {

	static WebDriver browser;

	static WireMockServer receiver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Chromium.start();
		receiver = new WireMockServer(options().dynamicPort());
		receiver.start();
		receiver.stubFor(WireMock.post("/hooks")
			.willReturn(aResponse().withStatus(200).withHeader("X-Receiver", "shop").withBody("thanks from the shop")));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
		if (receiver != null) {
			receiver.stop();
		}
	}

	@BeforeEach
	void laptopWindow() {
		browser.manage().window().setSize(new Dimension(1280, 1000));
	}

	static WebElement waitFor(By locator) {
		return wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	static WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(browser, timeout);
	}

	/**
	 * Finds and uses in one step, again if the page was redrawn meanwhile: the
	 * dashboard's live stream redraws it whenever the namespace changes, and an element
	 * found before a redraw is stale after it.
	 */
	static <T> T stably(Function<WebDriver, T> use) {
		return wait(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(use);
	}

	static String textOf(By target) {
		return stably((driver) -> driver.findElement(target).getText());
	}

	static void click(By target) {
		stably((driver) -> {
			driver.findElement(target).click();
			return true;
		});
	}

}
