import { api, ApiError, formatAmount, query, paymentIdFromPath, returnAddress, withResult } from "./api.js";
import { digits, passesLuhn, parseExpiry, cvcLength } from "./card.js";

const TEST_CARDS = [
	["4242 4242 4242 4242", "Succeeds"],
	["4000 0000 0000 0002", "Declined: generic_decline"],
	["4000 0000 0000 9995", "Declined: insufficient_funds"],
	["4000 0025 0000 3155", "Asks for 3-D Secure, then succeeds"],
	["4000 0082 6000 3178", "3-D Secure, then insufficient_funds"],
	["4000 0000 0000 0077", "Processing for 5 s, then succeeds"],
	["3782 822463 10005", "Amex, succeeds"],
];

const INVALID_RETURN = "The return address (return_url) is invalid: only http and https addresses are followed, so you stay on this page.";

const FINAL = new Set(["succeeded", "authorized", "captured", "partially_refunded", "refunded", "canceled"]);

const paymentId = paymentIdFromPath();
const clientSecret = query("client_secret");
const returnUrl = query("return_url");
const key = query("key") || "pk_test_default";
const client = api(key);

const form = document.getElementById("card-form");
const number = document.getElementById("card-number");
const expiry = document.getElementById("card-expiry");
const cvc = document.getElementById("card-cvc");
const pay = document.getElementById("pay");
const message = document.getElementById("form-message");
const result = document.getElementById("result");

function showError(input, text) {
	document.getElementById(`${input.id}-error`).textContent = text;
	input.setAttribute("aria-invalid", text ? "true" : "false");
}

function checkNumber() {
	const ok = passesLuhn(digits(number.value));
	showError(number, ok ? "" : "This card number is not valid.");
	return ok;
}

function checkExpiry() {
	const lapse = parseExpiry(expiry.value);
	const now = new Date();
	if (!lapse) {
		showError(expiry, "Use MM/YY, for example 12/30.");
		return null;
	}
	if (lapse.year < now.getFullYear() || (lapse.year === now.getFullYear() && lapse.month < now.getMonth() + 1)) {
		showError(expiry, "This card has expired.");
		return null;
	}
	showError(expiry, "");
	return lapse;
}

function checkCvc() {
	const length = cvcLength(digits(number.value));
	const ok = new RegExp(`^[0-9]{${length}}$`).test(cvc.value.trim());
	showError(cvc, ok ? "" : `Enter the ${length}-digit security code.`);
	return ok;
}

const checks = new Map([[number, checkNumber], [expiry, checkExpiry], [cvc, checkCvc]]);

function validate() {
	const numberOk = checkNumber();
	const lapse = checkExpiry();
	const cvcOk = checkCvc();
	return numberOk && lapse && cvcOk
		? { number: digits(number.value), exp_month: lapse.month, exp_year: lapse.year, cvc: cvc.value.trim() } : null;
}

/** A field's message goes as soon as it is right; typing never adds one before a blur. */
function recheckShownErrors() {
	for (const [field, check] of checks) {
		if (field.getAttribute("aria-invalid") === "true") check();
	}
}

function alertBox(kind, text) {
	const box = document.createElement("p");
	box.className = `alert ${kind}`;
	box.textContent = text;
	return box;
}

function finish(payment) {
	form.hidden = true;
	result.hidden = false;
	result.replaceChildren();
	if (payment.status === "failed") {
		result.append(alertBox("error", `Payment failed: ${payment.last_error ? payment.last_error.message : "declined"}`));
	} else if (payment.status === "canceled") {
		result.append(alertBox("error", "This payment was canceled."));
	} else {
		result.append(alertBox("success", "Payment successful. Thank you!"));
	}
	const back = withResult(returnUrl, payment);
	if (back) {
		result.append(alertBox("info", "Returning you to the shop…"));
		setTimeout(() => window.location.assign(back), 800);
	} else if (returnUrl) {
		result.append(alertBox("error", INVALID_RETURN));
	}
}

async function waitWhileProcessing(payment) {
	message.replaceChildren(alertBox("info", "Processing your payment…"));
	while (payment.status === "processing") {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		payment = await client.get(`/v1/payments/${paymentId}?client_secret=${encodeURIComponent(clientSecret)}`);
	}
	return payment;
}

function afterConfirm(payment) {
	if (payment.status === "requires_action") {
		const challenge = new URL(payment.next_action.redirect_to_url.url, window.location.href);
		challenge.searchParams.set("client_secret", clientSecret);
		challenge.searchParams.set("key", key);
		window.location.assign(challenge.toString());
		return;
	}
	finish(payment);
}

async function submit(event) {
	event.preventDefault();
	message.replaceChildren();
	const card = validate();
	if (!card) return;
	pay.disabled = true;
	pay.textContent = "Paying…";
	try {
		// coming back from 3-D Secure lands on this page again, which then shows the outcome
		const back = new URL(window.location.href);
		back.searchParams.set("from_3ds", "1");
		let payment = await client.post(`/v1/payments/${paymentId}/confirm`, {
			client_secret: clientSecret,
			payment_method: { card },
			return_url: back.toString(),
		});
		if (payment.status === "processing") payment = await waitWhileProcessing(payment);
		afterConfirm(payment);
	} catch (error) {
		const problem = error instanceof ApiError ? error.problem : {};
		const why = problem.decline_code ? ` (${problem.decline_code.replaceAll("_", " ")})` : "";
		message.replaceChildren(alertBox("error", `${problem.detail || error.message}${why} Try another card.`));
		pay.disabled = false;
		pay.textContent = "Pay";
		number.focus();
	}
}

function listTestCards() {
	const list = document.getElementById("test-cards");
	for (const [card, outcome] of TEST_CARDS) {
		const item = document.createElement("li");
		const button = document.createElement("button");
		button.type = "button";
		button.dataset.card = card;
		button.innerHTML = `<code></code> <span class="muted"></span>`;
		button.querySelector("code").textContent = card;
		button.querySelector("span").textContent = outcome;
		button.addEventListener("click", () => {
			number.value = card;
			expiry.value = "12/30";
			cvc.value = card.startsWith("37") ? "1234" : "123";
			validate();
			pay.focus();
		});
		item.append(button);
		list.append(item);
	}
}

async function start() {
	if (returnUrl && !returnAddress(returnUrl)) {
		message.replaceChildren(alertBox("error", INVALID_RETURN));
	}
	if (!clientSecret) {
		document.getElementById("description").textContent = "This checkout link lacks its client_secret.";
		return;
	}
	try {
		const payment = await client.get(`/v1/payments/${paymentId}?client_secret=${encodeURIComponent(clientSecret)}`);
		document.getElementById("description").textContent = payment.description || `Payment ${payment.id}`;
		document.getElementById("amount").textContent = formatAmount(payment.amount, payment.currency);
		if (query("from_3ds") || FINAL.has(payment.status)) {
			finish(payment.status === "processing" ? await waitWhileProcessing(payment) : payment);
			return;
		}
		form.hidden = false;
		listTestCards();
		for (const input of checks.keys()) {
			input.addEventListener("blur", () => input.value && checks.get(input)());
			input.addEventListener("input", recheckShownErrors);
		}
		form.addEventListener("submit", submit);
		number.focus();
	} catch (error) {
		document.getElementById("description").textContent = "This payment cannot be found.";
	}
}

start();
