package dev.paymentsimulator.pages;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.paymentsimulator.live.LiveStream;
import dev.paymentsimulator.support.Api;
import dev.paymentsimulator.support.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as a developer keeps it open beside their app: it follows the namespace
 * live, offers the moves each state allows, opens every delivery into what was sent and
 * what came back, manages endpoints, and reads at a phone's, a laptop's half and a wide
 * screen's width.
 */
class DashboardBrowserTests extends PageTests {

	@Autowired
	LiveStream live;

	private static final String CONFIRMED = "{\"amount\":3000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}";

	@Test
	void aPaymentMadeWithTheApiAppearsWithoutAReload() {
		Api api = api("sk_test_dash_live");
		open("sk_test_dash_live", null);
		String id = api.post("/v1/payments",
				"{\"amount\":4200,\"currency\":\"eur\",\"description\":\"Made by curl\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		assertThat(textOf(By.cssSelector("#payments tr[data-id='" + id + "']"))).contains("Made by curl", "succeeded");
		assertThat(browser.findElements(By.cssSelector("#events tr[data-type='payment.succeeded']"))).isNotEmpty();
		new Select(browser.findElement(By.id("event-type"))).selectByValue("payment.created");
		wait(Duration.ofSeconds(10)).until(
				(driver) -> driver.findElements(By.cssSelector("#events tr[data-type='payment.succeeded']")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#events tr[data-type='payment.created']"))).hasSize(1);
	}

	/** A burst of payments is drawn in a few loads, not one per message. */
	@Test
	void aBusyNamespaceDoesNotPileUpLoads() {
		Api api = api("sk_test_dash_busy");
		open("sk_test_dash_busy", null);
		JavascriptExecutor js = (JavascriptExecutor) browser;
		js.executeScript("performance.clearResourceTimings(); performance.setResourceTimingBufferSize(10000);");
		String last = null;
		for (int i = 0; i < 100; i++) {
			last = api.post("/v1/payments", CONFIRMED).text("id");
		}
		wait(Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#payments tr[data-id='" + last + "']")));
		Number loads = (Number) js.executeScript("return performance.getEntriesByType('resource')"
				+ ".filter((entry) => entry.name.includes('/v1/payments?')).length;");
		assertThat(loads.intValue()).as("list loads for 200 events").isBetween(1, 50);
	}

	@Test
	void aRefusedKeyIsSaidAndNotRetried() {
		browser.get("http://localhost:" + this.port + "/dashboard");
		WebElement keyInput = waitFor(By.id("api-key"));
		keyInput.clear();
		keyInput.sendKeys("pk_test_dash_refused");
		browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("live"), "Not live: the key is refused"));
		assertThat(browser.findElement(By.id("live")).getDomAttribute("title")).contains("secret key");
	}

	/** The streams end as they do when the simulator restarts; the page follows again. */
	@Test
	void thePageReconnectsWhenItsStreamEnds() {
		Api api = api("sk_test_dash_reconnect");
		open("sk_test_dash_reconnect", null);
		this.live.stop();
		this.live.start();
		wait(Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.id("live"), "Live"));
		String id = api.post("/v1/payments", CONFIRMED).text("id");
		wait(Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#payments tr[data-id='" + id + "']")));
	}

	@Test
	void theMovesOfferedAreThoseTheStatesTableAllows() {
		Api api = api("sk_test_dash_moves");
		Map<String, List<String>> expected = new LinkedHashMap<>();
		Map<String, String> payments = new LinkedHashMap<>();
		payments.put("created", api.post("/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}").text("id"));
		payments.put("requires_action", confirmed(api, "pm_card_threeDSecureRequired", "automatic"));
		payments.put("processing", api.post("/v1/payments",
				"{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":{\"card\":{\"number\":\"4000000000000077\",\"exp_month\":1,\"exp_year\":2031}}}")
			.text("id"));
		payments.put("authorized", confirmed(api, "pm_card_visa", "manual"));
		payments.put("succeeded", confirmed(api, "pm_card_visa", "automatic"));
		String captured = confirmed(api, "pm_card_visa", "automatic");
		api.post("/v1/payments/" + captured + "/capture", "{}");
		payments.put("captured", captured);
		payments.put("failed", api.post("/v1/payments",
				"{\"amount\":1000,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":\"pm_card_visa_chargeDeclined\"}")
			.text("payment_id"));
		String partly = confirmed(api, "pm_card_visa", "automatic");
		api.post("/v1/payments/" + partly + "/refunds", "{\"amount\":100}");
		payments.put("partially_refunded", partly);
		String refunded = confirmed(api, "pm_card_visa", "automatic");
		api.post("/v1/payments/" + refunded + "/refunds", "{}");
		payments.put("refunded", refunded);
		String canceled = api.post("/v1/payments", "{\"amount\":1000,\"currency\":\"usd\"}").text("id");
		api.post("/v1/payments/" + canceled + "/cancel", "{}");
		payments.put("canceled", canceled);
		expected.put("created", List.of("confirm", "cancel"));
		expected.put("requires_action", List.of("challenge", "cancel"));
		expected.put("processing", List.of());
		expected.put("authorized", List.of("capture", "cancel"));
		expected.put("succeeded", List.of("capture", "refund"));
		expected.put("captured", List.of("refund"));
		expected.put("failed", List.of("confirm", "cancel"));
		expected.put("partially_refunded", List.of("refund"));
		expected.put("refunded", List.of());
		expected.put("canceled", List.of());
		open("sk_test_dash_moves", null);
		for (Map.Entry<String, String> payment : payments.entrySet()) {
			select(payment.getValue(), payment.getKey());
			assertThat(offeredMoves(payment.getValue())).as(payment.getKey())
				.containsExactlyElementsOf(expected.get(payment.getKey()));
		}
		// a move made on the page: a partial capture of the authorized payment
		select(payments.get("authorized"), "authorized");
		browser.findElement(By.id("capture-amount")).sendKeys("400");
		browser.findElement(By.id("capture")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#detail .summary .chip[data-status='captured']")));
		assertThat(api.get("/v1/payments/" + payments.get("authorized")).json().get("amount_received").asLong())
			.isEqualTo(400);
	}

	@Test
	void theInspectorShowsTheBodyTheReceiverGotAndChecksTheSignature() {
		Api api = api("sk_test_dash_inspector");
		String secret = api
			.post("/v1/webhook_endpoints",
					"{\"url\":\"" + receiver.baseUrl() + "/hooks\",\"enabled_events\":[\"payment.succeeded\"]}")
			.text("secret");
		String id = api.post("/v1/payments",
				"{\"amount\":3000,\"currency\":\"usd\",\"metadata\":{\"order\":\"1001\"},\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		String event = api.get("/v1/events?type=payment.succeeded&payment=" + id)
			.json()
			.get("data")
			.get(0)
			.get("id")
			.asString();
		String delivery = api.awaitDelivery(event, 1).get("id").asString();
		open("sk_test_dash_inspector", id);
		By attempt = By.cssSelector("li.delivery[data-id='" + delivery + "'] summary");
		assertThat(textOf(attempt)).contains("HTTP 200");
		click(attempt);
		String received = receiver.findAll(postRequestedFor(urlEqualTo("/hooks")))
			.stream()
			.filter((request) -> event.equals(request.getHeader("webhook-id")))
			.map(LoggedRequest::getBodyAsString)
			.findFirst()
			.orElseThrow();
		String shown = (String) ((JavascriptExecutor) browser)
			.executeScript("return document.getElementById('request-body-" + delivery + "').textContent;");
		assertThat(shown).isEqualTo(received);
		assertThat(browser.findElement(By.id("response-body-" + delivery)).getText()).isEqualTo("thanks from the shop");
		assertThat(browser.findElement(By.cssSelector("li.delivery[data-id='" + delivery + "'] .inspector")).getText())
			.contains("x-receiver", "shop");
		assertThat(browser.findElement(By.id("detail")).getText()).contains("order", "1001", "visa •••• 4242");
		verify(delivery, secret, "verifies");
		verify(delivery, "whsec_" + "A".repeat(40), "wrong_secret");
		browser.findElement(By.id("redeliver-" + event)).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("li.event[data-id='" + event + "'] li.delivery:nth-child(2)[data-status-code='200']")));
	}

	@Test
	void aReceiverThatRefusesTheSignatureCanBeDiagnosedFromThePage() {
		receiver.stubFor(WireMock.post("/strict")
			.willReturn(aResponse().withStatus(400).withBody("{\"error\":\"signature mismatch\"}")));
		Api api = api("sk_test_dash_failing");
		String secret = api
			.post("/v1/webhook_endpoints",
					"{\"url\":\"" + receiver.baseUrl() + "/strict\",\"enabled_events\":[\"payment.created\"]}")
			.text("secret");
		open("sk_test_dash_failing", null);
		String id = api.post("/v1/payments", "{\"amount\":500,\"currency\":\"usd\"}").text("id");
		String event = api.get("/v1/events?payment=" + id).json().get("data").get(0).get("id").asString();
		String delivery = api.awaitDelivery(event, 1).get("id").asString();
		select(id, "created");
		By attempt = By.cssSelector("li.delivery[data-id='" + delivery + "'] summary");
		assertThat(textOf(attempt)).contains("HTTP 400", "next attempt");
		click(attempt);
		assertThat(browser.findElement(By.id("response-body-" + delivery)).getText()).contains("signature mismatch");
		// the simulator's signature holds with the endpoint's secret: the receiver has
		// another
		verify(delivery, secret, "verifies");
	}

	@Test
	void theClockMovesAndSaysWhatFellDue() {
		Api api = api("sk_test_dash_clock");
		String id = api.post("/v1/payments",
				"{\"amount\":800,\"currency\":\"usd\",\"confirm\":true,\"payment_method\":{\"card\":{\"number\":\"4000000000000077\",\"exp_month\":1,\"exp_year\":2031}}}")
			.text("id");
		open("sk_test_dash_clock", id);
		select(id, "processing");
		browser.findElement(By.cssSelector("[data-advance='3600']")).click();
		WebElement due = wait(Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#clock-due .alert")));
		assertThat(due.getText()).contains("1 event(s) fell due");
		assertThat(browser.findElement(By.id("clock-due")).getText()).contains("payment.succeeded", id);
		wait(Duration.ofSeconds(10)).until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#detail .summary .chip[data-status='succeeded']")));
	}

	@Test
	void endpointsAreCreatedRotatedAndDisabledOnThePage() {
		Api api = api("sk_test_dash_endpoints");
		open("sk_test_dash_endpoints", null);
		browser.findElement(By.id("endpoint-url")).sendKeys("http://127.0.0.1:9/refused");
		browser.findElement(By.id("endpoint-events")).sendKeys("payment.succeeded, payment.refunded");
		browser.findElement(By.id("endpoint-create")).click();
		String first = wait(Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("endpoint-secret-value")))
			.getText();
		assertThat(first).startsWith("whsec_");
		String endpoint = api.get("/v1/webhook_endpoints").json().get("data").get(0).get("id").asString();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("rotate-" + endpoint)))
			.click();
		stably((driver) -> !driver.findElement(By.id("endpoint-secret-value")).getText().equals(first));
		assertThat(browser.findElement(By.id("endpoint-secret-value")).getText()).startsWith("whsec_");
		browser.findElement(By.id("toggle-" + endpoint)).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("#endpoints tr[data-id='" + endpoint + "'] .chip[data-status='disabled']")));
		assertThat(api.get("/v1/webhook_endpoints/" + endpoint).json().get("disabled").asBoolean()).isTrue();
		assertThat(api.get("/v1/webhook_endpoints/" + endpoint).json().get("enabled_events").toString())
			.isEqualTo("[\"payment.succeeded\",\"payment.refunded\"]");
	}

	@Test
	void theDashboardReadsAtAPhoneALaptopHalfAndAWideScreen() throws IOException {
		Api api = api("sk_test_dash_widths");
		api.post("/v1/webhook_endpoints", "{\"url\":\"http://127.0.0.1:9/refused\"}");
		String id = api.post("/v1/payments",
				"{\"amount\":3000,\"currency\":\"usd\",\"description\":\"Order #1001, two mugs\",\"metadata\":{\"order\":\"1001\"},\"capture_method\":\"manual\",\"confirm\":true,\"payment_method\":\"pm_card_visa\"}")
			.text("id");
		api.post("/v1/payments/" + id + "/capture", "{\"amount\":2500}");
		api.post("/v1/payments/" + id + "/refunds", "{\"amount\":1000,\"reason\":\"requested_by_customer\"}");
		for (int width : new int[] { 360, 800, 1440 }) {
			browser.manage().window().setSize(new Dimension(width, 1000));
			open("sk_test_dash_widths", id);
			select(id, "partially_refunded");
			JavascriptExecutor js = (JavascriptExecutor) browser;
			Number overflow = (Number) js
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow.intValue()).as("sideways scrolling at " + width).isLessThanOrEqualTo(0);
			Number detail = (Number) js.executeScript("return document.getElementById('detail').clientWidth;");
			assertThat(detail.intValue()).as("the payment's width at " + width)
				.isGreaterThanOrEqualTo(Math.min(width - 80, 560));
			Object unlabelled = js.executeScript("return [...document.querySelectorAll('input, select')]"
					+ ".filter(i => !i.labels || i.labels.length === 0).map(i => i.id);");
			assertThat((List<?>) unlabelled).as("inputs without a label").isEmpty();
			Chromium.screenshot(browser, "docs/dashboard-" + width + ".png");
		}
	}

	private void verify(String delivery, String secret, String expected) {
		WebElement input = browser.findElement(By.id("verify-secret-" + delivery));
		input.clear();
		input.sendKeys(secret);
		browser.findElement(By.cssSelector("li.delivery[data-id='" + delivery + "'] form button")).click();
		wait(Duration.ofSeconds(10))
			.until((driver) -> driver.findElement(By.id("verify-result-" + delivery)).getText().contains(expected));
	}

	private static String confirmed(Api api, String token, String captureMethod) {
		return api
			.post("/v1/payments",
					"{\"amount\":1000,\"currency\":\"usd\",\"capture_method\":\"" + captureMethod
							+ "\",\"confirm\":true,\"payment_method\":\"" + token + "\"}")
			.text("id");
	}

	/**
	 * Opens the dashboard with the key, on the payment when one is given, and waits for
	 * the stream.
	 */
	private void open(String key, String payment) {
		browser.get("http://localhost:" + this.port + "/dashboard" + ((payment != null) ? "#" + payment : ""));
		WebElement keyInput = wait(Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
		keyInput.clear();
		keyInput.sendKeys(key);
		browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("live"), "Live"));
	}

	private void select(String payment, String status) {
		((JavascriptExecutor) browser).executeScript("window.location.hash = arguments[0];", payment);
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By
			.cssSelector("#detail[data-payment='" + payment + "'] .summary .chip[data-status='" + status + "']")));
	}

	/**
	 * The moves the detail offers for the payment, read in one script: the live stream
	 * may redraw the detail between two WebDriver calls, and elements found before a
	 * redraw are stale after it.
	 */
	@SuppressWarnings("unchecked")
	private List<String> offeredMoves(String payment) {
		return (List<String>) wait(Duration.ofSeconds(10))
			.until((driver) -> ((JavascriptExecutor) driver).executeScript(
					"const detail = document.getElementById('detail');"
							+ " return detail.dataset.payment === arguments[0]"
							+ " ? [...detail.querySelectorAll('form.move')].map((form) => form.dataset.move) : null;",
					payment));
	}

	private Api api(String key) {
		return new Api(this.port).withKey(key);
	}

}
