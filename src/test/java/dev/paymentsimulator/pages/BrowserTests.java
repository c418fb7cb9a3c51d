package dev.paymentsimulator.pages;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.paymentsimulator.support.Api.Answer;
import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Chromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout, the 3-D Secure page and the dashboard's first steps in a real headless
 * Chromium ({@link Chromium}).
 */
class BrowserTests extends PageTests {

	/** The shop's return_url in these tests, reached only once the checkout is over. */
	private static final String LANDED = "^http://localhost:\\d+/health\\?";

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void payingWith4242SucceedsAndLandsOnTheReturnUrl() throws IOException {
		Answer payment = createPayment("sk_test_browser_ok", 1999, "usd");
		openCheckout(payment, "pk_test_browser_ok");
		WebElement amount = waitFor(By.id("amount"));
		assertThat(waitForText(amount)).contains("19.99");
		screenshot("docs/checkout.png");
		fillCard("4242 4242 4242 4242", "12/30", "123");
		browser.findElement(By.id("pay")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(LANDED));
		assertThat(browser.getCurrentUrl()).contains("payment_id=" + payment.text("id"), "status=succeeded");
	}

	@Test
	void declinedCardShowsTheDeclineMessage() {
		Answer payment = createPayment("sk_test_browser_decline", 5000, "eur");
		openCheckout(payment, "pk_test_browser_decline");
		waitFor(By.id("card-number"));
		fillCard("4000000000000002", "12/30", "123");
		browser.findElement(By.id("pay")).click();
		WebElement message = wait(Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#form-message .alert.error")));
		assertThat(message.getText()).contains("Your card was declined", "generic decline");
		assertThat(browser.findElement(By.id("pay")).isEnabled()).isTrue();
	}

	@Test
	void inlineValidationCatchesABadNumberBeforeSending() {
		Answer payment = createPayment("sk_test_browser_luhn", 100, "usd");
		openCheckout(payment, "pk_test_browser_luhn");
		waitFor(By.id("card-number"));
		fillCard("4242 4242 4242 4241", "12/30", "12");
		browser.findElement(By.id("pay")).click();
		assertThat(browser.findElement(By.id("card-number-error")).getText()).contains("not valid");
		assertThat(browser.findElement(By.id("card-cvc-error")).getText()).contains("3-digit");
		// a message goes as soon as its field is right, before the field is left
		browser.findElement(By.id("card-cvc")).sendKeys("3");
		wait(Duration.ofSeconds(5)).until((driver) -> driver.findElement(By.id("card-cvc-error")).getText().isEmpty());
		assertThat(browser.findElement(By.id("card-cvc")).getAttribute("aria-invalid")).isEqualTo("false");
		assertThat(browser.findElement(By.id("card-number-error")).getText()).contains("not valid");
		assertThat(
				this.api
					.send(java.net.http.HttpRequest
						.newBuilder(java.net.URI
							.create("http://localhost:" + this.port + "/v1/payments/" + payment.text("id")))
						.GET(), Map.of("Authorization", "Bearer sk_test_browser_luhn"))
					.text("status"))
			.isEqualTo("created");
	}

	@Test
	void threeDSecureCardPassesTheChallengeAndSucceeds() {
		Answer payment = createPayment("sk_test_browser_3ds", 2500, "gbp");
		openCheckout(payment, "pk_test_browser_3ds");
		waitFor(By.id("card-number"));
		fillCard("4000 0025 0000 3155", "12/30", "123");
		browser.findElement(By.id("pay")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/3ds/" + payment.text("id")));
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("complete"))).click();
		wait(Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(LANDED));
		assertThat(browser.getCurrentUrl()).contains("status=succeeded");
	}

	@Test
	void refundInTheDashboardChangesTheStatusAndShowsTheRefundedDelivery() {
		String key = "sk_test_browser_dashboard";
		this.api.post("/v1/webhook_endpoints", "{\"url\":\"" + receiver.baseUrl() + "/hooks\"}",
				Map.of("Authorization", "Bearer " + key));
		String id = this.api.post("/v1/payments",
				"{\"amount\":3000,\"currency\":\"usd\",\"description\":\"Dashboard test\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}",
				Map.of("Authorization", "Bearer " + key))
			.text("id");
		browser.get("http://localhost:" + this.port + "/dashboard");
		WebElement keyInput = waitFor(By.id("api-key"));
		keyInput.clear();
		keyInput.sendKeys(key);
		browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
		click(By.cssSelector("tr[data-id='" + id + "'] button"));
		WebElement amount = wait(Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("refund-amount")));
		amount.sendKeys("1000");
		browser.findElement(By.id("refund")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#detail .chip[data-status='partially_refunded']")));
		wait(Duration.ofSeconds(15)).until((driver) -> {
			driver.findElement(By.id("refresh")).click();
			return !driver
				.findElements(
						By.cssSelector("li.event[data-type='payment.refunded'] li.delivery[data-status-code='200']"))
				.isEmpty();
		});
		assertThat(textOf(By.cssSelector("tr[data-id='" + id + "'] .chip"))).isEqualTo("partially_refunded");
	}

	@Test
	void pagesFitAPhoneWidthScreenAndEveryInputHasALabel() {
		browser.manage().window().setSize(new Dimension(375, 800));
		Answer payment = createPayment("sk_test_browser_phone", 1234, "jpy");
		openCheckout(payment, "pk_test_browser_phone");
		waitFor(By.id("card-number"));
		assertThat(waitForText(browser.findElement(By.id("amount")))).contains("1,234");
		assertFitsAndLabelled();
		browser.get("http://localhost:" + this.port + "/dashboard");
		waitFor(By.id("api-key"));
		assertFitsAndLabelled();
	}

	private static void assertFitsAndLabelled() {
		org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
		Object overflow = js
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
		Object unlabelled = js.executeScript("return [...document.querySelectorAll('input, select')]"
				+ ".filter(i => !i.labels || i.labels.length === 0).map(i => i.id);");
		assertThat((java.util.List<?>) unlabelled).isEmpty();
	}

	@Test
	void aScriptOrDataReturnUrlNeverRuns() {
		for (String returnUrl : new String[] { "javascript:document.body.dataset.pwned='yes'",
				"data:text/html,<script>alert('pwned')</script>" }) {
			Answer payment = createPayment("sk_test_browser_return", 1500, "usd");
			browser.get("http://localhost:" + this.port + "/checkout/" + payment.text("id") + "?client_secret="
					+ payment.text("client_secret") + "&key=pk_test_browser_return&return_url="
					+ URLEncoder.encode(returnUrl, StandardCharsets.UTF_8));
			waitFor(By.id("card-number"));
			assertThat(browser.findElement(By.id("form-message")).getText()).contains("return address", "invalid");
			fillCard("4242 4242 4242 4242", "12/30", "123");
			browser.findElement(By.id("pay")).click();
			WebElement said = wait(Duration.ofSeconds(10))
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .alert.error")));
			// the page decides when it shows the outcome: it says why it stays instead of
			// scheduling the way back
			assertThat(said.getText()).contains("return address", "invalid");
			assertThat(browser.findElement(By.id("result")).getText()).contains("Payment successful")
				.doesNotContain("Returning you");
			assertThat(browser.getCurrentUrl()).contains("/checkout/" + payment.text("id"));
			assertThat(((JavascriptExecutor) browser).executeScript("return document.body.dataset.pwned || null"))
				.isNull();
		}
	}

	@Test
	void simulatorJsConfirmsACardInAFewLinesFromAShopOnAnotherPort() {
		Answer paid = createPayment("sk_test_browser_js", 700, "usd");
		Answer declined = createPayment("sk_test_browser_js", 800, "usd");
		receiver.stubFor(WireMock.get("/shop")
			.willReturn(aResponse().withHeader("Content-Type", "text/html")
				.withBody("<!doctype html><title>Shop</title><p>Shop</p>")));
		browser.get(receiver.baseUrl() + "/shop");
		String script = """
				const [paymentId, clientSecret, number, done] = arguments;
				import('http://localhost:%d/js/simulator.js')
				  .then(({ Simulator }) => new Simulator('pk_test_browser_js').confirmCard(paymentId, clientSecret,
				      { number, exp_month: 12, exp_year: 2030, cvc: '123' }))
				  .then((payment) => done('status:' + payment.status), (error) => done('error:' + error.code + '/' + error.declineCode));
				"""
			.formatted(this.port);
		Object ok = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(script, paid.text("id"),
				paid.text("client_secret"), "4242424242424242");
		assertThat(ok).isEqualTo("status:succeeded");
		Object refused = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(script,
				declined.text("id"), declined.text("client_secret"), "4000000000009995");
		assertThat(refused).isEqualTo("error:card_declined/insufficient_funds");
	}

	private Answer createPayment(String key, long amount, String currency) {
		Answer answer = this.api.post("/v1/payments", "{\"amount\":" + amount + ",\"currency\":\"" + currency
				+ "\",\"description\":\"Order #1001 · 2 items\"}", Map.of("Authorization", "Bearer " + key));
		assertThat(answer.status()).isEqualTo(201);
		return answer;
	}

	private void openCheckout(Answer payment, String publishableKey) {
		String returnUrl = "http://localhost:" + this.port + "/health";
		browser.get("http://localhost:" + this.port + "/checkout/" + payment.text("id") + "?client_secret="
				+ payment.text("client_secret") + "&key=" + publishableKey + "&return_url=" + returnUrl);
	}

	private void fillCard(String number, String expiry, String cvc) {
		browser.findElement(By.id("card-number")).sendKeys(number);
		browser.findElement(By.id("card-expiry")).sendKeys(expiry);
		browser.findElement(By.id("card-cvc")).sendKeys(cvc);
	}

	private static String waitForText(WebElement element) {
		wait(Duration.ofSeconds(10)).until((driver) -> !element.getText().isBlank());
		return element.getText();
	}

	private static void screenshot(String name) throws IOException {
		Chromium.screenshot(browser, name);
	}

}
