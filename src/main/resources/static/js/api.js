// The public API, as the pages call it: every request carries the chosen key.

export class ApiError extends Error {
	constructor(status, problem) {
		super(problem.detail || `Request failed with ${status}`);
		this.status = status;
		this.problem = problem;
	}
}

export function api(key, base = "") {
	async function request(method, path, body) {
		const headers = { Accept: "application/json" };
		if (key) headers.Authorization = `Bearer ${key}`;
		if (body !== undefined) headers["Content-Type"] = "application/json";
		const response = await fetch(base + path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		const json = text ? JSON.parse(text) : null;
		if (!response.ok) throw new ApiError(response.status, json || {});
		return json;
	}
	return {
		get: (path) => request("GET", path),
		post: (path, body) => request("POST", path, body),
		delete: (path) => request("DELETE", path),
	};
}

/** Formats minor units the way the customer reads them, e.g. 1999 usd as $19.99. */
export function formatAmount(amount, currency) {
	const format = new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() });
	const digits = format.resolvedOptions().maximumFractionDigits;
	return format.format(amount / 10 ** digits);
}

export function query(name) {
	return new URLSearchParams(window.location.search).get(name);
}

export function paymentIdFromPath() {
	return decodeURIComponent(window.location.pathname.split("/").filter(Boolean).pop());
}

/**
 * The return address as a URL when it is an absolute http or https one, else null: a
 * javascript: or data: address would run in this page's origin. The API refuses such
 * addresses too, but a checkout link's return_url never passes through the API.
 */
export function returnAddress(value) {
	if (!value) return null;
	try {
		const url = new URL(value);
		return url.protocol === "http:" || url.protocol === "https:" ? url : null;
	} catch {
		return null;
	}
}

/**
 * Builds the return address with the payment's id and status added, as gateways do;
 * null when the address is not one to go to.
 */
export function withResult(returnUrl, payment) {
	const url = returnAddress(returnUrl);
	if (!url) return null;
	url.searchParams.set("payment_id", payment.id);
	url.searchParams.set("status", payment.status);
	return url.toString();
}
