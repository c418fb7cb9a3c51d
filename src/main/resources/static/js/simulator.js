// @ts-self-types="./simulator.d.ts"
// Payment Simulator for a merchant's own checkout page: confirm a payment with a card in a
// few lines, following the 3-D Secure redirect by itself.
//
//   import { Simulator } from "http://localhost:8080/js/simulator.js";
//   const simulator = new Simulator("pk_test_shop");
//   const payment = await simulator.confirmCard(paymentId, clientSecret,
//       { number: "4242424242424242", exp_month: 12, exp_year: 2030, cvc: "123" },
//       { returnUrl: "http://localhost:3000/done" });
//
// It resolves with the payment once it no longer waits for the customer; it rejects with an
// error whose `code`, `declineCode` and `problem` come from the API's 402 or 4xx answer. For a
// 3-D Secure card it sends the browser to the challenge page, which returns to returnUrl.

export class PaymentError extends Error {
	constructor(problem) {
		super(problem.detail || "The payment failed");
		this.code = problem.code;
		this.declineCode = problem.decline_code || null;
		this.problem = problem;
	}
}

export class Simulator {
	constructor(publishableKey, options = {}) {
		this.publishableKey = publishableKey;
		this.baseUrl = options.baseUrl || new URL(import.meta.url).origin;
	}

	async retrievePayment(paymentId, clientSecret) {
		const query = new URLSearchParams({ client_secret: clientSecret });
		return this.#request("GET", `/v1/payments/${encodeURIComponent(paymentId)}?${query}`);
	}

	async confirmCard(paymentId, clientSecret, card, options = {}) {
		const paymentMethod = typeof card === "string" ? card : { card };
		const body = { client_secret: clientSecret, payment_method: paymentMethod };
		if (options.returnUrl) body.return_url = options.returnUrl;
		const payment = await this.#request("POST", `/v1/payments/${encodeURIComponent(paymentId)}/confirm`, body);
		if (payment.status === "requires_action" && payment.next_action && options.redirect !== false) {
			window.location.assign(this.challengeUrl(payment, clientSecret));
		}
		return payment;
	}

	/** Where the customer passes 3-D Secure; the page needs the key and the client secret. */
	challengeUrl(payment, clientSecret) {
		const url = new URL(payment.next_action.redirect_to_url.url, this.baseUrl);
		url.searchParams.set("client_secret", clientSecret);
		url.searchParams.set("key", this.publishableKey);
		return url.toString();
	}

	async #request(method, path, body) {
		const response = await fetch(this.baseUrl + path, {
			method,
			headers: {
				Authorization: `Bearer ${this.publishableKey}`,
				...(body ? { "Content-Type": "application/json" } : {}),
			},
			body: body ? JSON.stringify(body) : undefined,
		});
		const json = await response.json();
		if (!response.ok) throw new PaymentError(json);
		return json;
	}
}
