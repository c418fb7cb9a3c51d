// One payment: what it holds, the moves its state allows, and its timeline of events with
// every delivery attempt, each opening into the request sent and the answer received.
import { formatAmount } from "../api.js";
import { chip, element, field, pairs, time } from "./dom.js";

/** The states table of the API: which moves each status allows. */
export const MOVES = {
	created: ["confirm", "cancel"],
	requires_action: ["challenge", "cancel"],
	processing: [],
	authorized: ["capture", "cancel"],
	succeeded: ["capture", "refund"],
	captured: ["refund"],
	failed: ["confirm", "cancel"],
	partially_refunded: ["refund"],
	refunded: [],
	canceled: [],
};

const TOKENS = ["pm_card_visa", "pm_card_mastercard", "pm_card_amex", "pm_card_visa_chargeDeclined",
	"pm_card_chargeDeclinedInsufficientFunds", "pm_card_threeDSecureRequired"];

function select(id, options, first) {
	return element("select", { id }, ...(first ? [element("option", { value: "" }, first)] : []),
		...options.map((option) => element("option", { value: option }, option)));
}

function amountInput(id, placeholder) {
	return element("input", { id, type: "number", min: "1", inputmode: "numeric", placeholder });
}

/** The moves the payment's state allows, each as a form of its own. */
export function moves(payment, client, act) {
	const id = payment.id;
	const left = payment.amount_received - payment.amount_refunded;
	const allowed = (MOVES[payment.status] || []).filter((move) => move !== "refund" || left > 0);
	const form = (move, title, ...controls) => element("form", {
		class: "move", "data-move": move, "aria-label": title,
		onsubmit: (event) => { event.preventDefault(); act(title, () => submit(client, move, id, event.submitter)); },
	}, element("h3", {}, title), element("div", { class: "toolbar" }, ...controls));
	const forms = {
		confirm: () => form("confirm", "Confirm", field("Test card", select("confirm-token", TOKENS)),
			element("button", { type: "submit", id: "confirm" }, "Confirm")),
		challenge: () => form("challenge", "3-D Secure challenge",
			element("button", { type: "submit", id: "challenge-pass", value: "pass" }, "Pass"),
			element("button", { type: "submit", id: "challenge-fail", class: "danger", value: "fail" }, "Fail")),
		capture: () => form("capture", "Capture",
			field("Amount (minor units)", amountInput("capture-amount", `all ${payment.amount_capturable || payment.amount}`)),
			element("button", { type: "submit", id: "capture" }, "Capture")),
		cancel: () => form("cancel", "Cancel",
			field("Reason", select("cancellation-reason", ["requested_by_customer", "duplicate", "fraudulent", "abandoned"], "none")),
			element("button", { type: "submit", id: "cancel", class: "danger" }, "Cancel payment")),
		refund: () => form("refund", "Refund",
			field("Amount (minor units)", amountInput("refund-amount", `all that is left, ${left}`)),
			field("Reason", select("refund-reason", ["requested_by_customer", "duplicate", "fraudulent"], "none")),
			element("button", { type: "submit", id: "refund" }, "Refund")),
	};
	if (!allowed.length) return element("p", { class: "muted", id: "no-moves" }, `No moves from ${payment.status}.`);
	return element("div", { class: "moves" }, ...allowed.map((move) => forms[move]()));
}

function value(id) {
	const input = document.getElementById(id);
	return input && input.value ? input.value : undefined;
}

function submit(client, move, id, submitter) {
	const amount = (inputId) => (value(inputId) ? Number(value(inputId)) : undefined);
	switch (move) {
		case "confirm": return client.post(`/v1/payments/${id}/confirm`, { payment_method: value("confirm-token") });
		case "challenge": return client.post(`/v1/simulator/payments/${id}/challenge`, { outcome: submitter.value });
		case "capture": return client.post(`/v1/payments/${id}/capture`, { amount: amount("capture-amount") });
		case "cancel": return client.post(`/v1/payments/${id}/cancel`, { cancellation_reason: value("cancellation-reason") });
		default: return client.post(`/v1/payments/${id}/refunds`, { amount: amount("refund-amount"), reason: value("refund-reason") });
	}
}

/** What the payment holds: amounts, card, error, next step, metadata, refunds. */
export function summary(payment) {
	const card = payment.payment_method && payment.payment_method.card;
	const money = (amount) => formatAmount(amount, payment.currency);
	return element("div", { class: "summary" },
		element("p", {}, element("code", {}, payment.id), " ", chip(payment.status)),
		element("p", { class: "amount" }, money(payment.amount)),
		payment.description ? element("p", { id: "payment-description" }, payment.description) : null,
		element("dl", { class: "pairs" },
			element("dt", {}, "Received"), element("dd", {}, money(payment.amount_received)),
			element("dt", {}, "Refunded"), element("dd", {}, money(payment.amount_refunded)),
			element("dt", {}, "Capturable"), element("dd", {}, money(payment.amount_capturable)),
			element("dt", {}, "Capture"), element("dd", {}, payment.capture_method),
			element("dt", {}, "Card"), element("dd", { id: "payment-card" },
				card ? `${card.brand} •••• ${card.last4}, ${String(card.exp_month).padStart(2, "0")}/${card.exp_year}` : "none yet"),
			element("dt", {}, "Created"), element("dd", {}, time(payment.created))),
		payment.last_error ? element("p", { class: "alert error", id: "payment-error" },
			`${payment.last_error.code}${payment.last_error.decline_code ? ` (${payment.last_error.decline_code})` : ""}: ${payment.last_error.message}`) : null,
		payment.next_action ? element("p", { class: "alert info", id: "payment-next-action" }, "Waiting for 3-D Secure: ",
			element("a", { href: payment.next_action.redirect_to_url.url }, "open the challenge")) : null,
		element("h3", {}, "Metadata"), pairs(payment.metadata, "No metadata."),
		element("h3", {}, "Refunds"),
		payment.refunds.length ? element("ul", { id: "refunds" }, ...payment.refunds.map((refund) =>
			element("li", {}, element("code", {}, refund.id), ` ${money(refund.amount)} ${refund.reason || ""} ${time(refund.created)}`)))
			: element("p", { class: "muted" }, "No refunds."));
}

/**
 * One attempt: a line that opens into the request, the answer and a signature check.
 * Which are open, and their verdicts, are kept across redraws in {@code kept}.
 */
export function delivery(attempt, client, kept) {
	const open = kept.open;
	const outcome = attempt.status_code ? `HTTP ${attempt.status_code}` : attempt.error;
	const next = attempt.next_attempt_at ? `, next attempt ${time(attempt.next_attempt_at)}` : "";
	const shown = kept.verdicts.get(attempt.id);
	const result = element("p", { id: `verify-result-${attempt.id}`, role: "status", class: shown ? shown.kind : null },
		shown ? shown.text : "");
	const show = (kind, text) => {
		kept.verdicts.set(attempt.id, { kind, text });
		result.className = kind;
		result.textContent = text;
	};
	const secret = element("input", { id: `verify-secret-${attempt.id}`, placeholder: "whsec_…", autocomplete: "off", spellcheck: "false" });
	const verify = async (event) => {
		event.preventDefault();
		try {
			const verdict = await client.post("/v1/webhooks/verify",
				{ body: attempt.request_body, headers: attempt.request_headers, secret: secret.value.trim() || undefined });
			show(`alert ${verdict.valid ? "success" : "error"}`,
				verdict.valid ? "The signature verifies with this secret." : `${verdict.reason}: ${verdict.message}`);
		} catch (error) {
			show("alert error", error.problem ? error.problem.detail : error.message);
		}
	};
	return element("li", { class: "delivery", "data-status-code": String(attempt.status_code ?? ""), "data-id": attempt.id },
		element("details", { open: open.has(attempt.id), ontoggle: (event) => (event.target.open ? open.add(attempt.id) : open.delete(attempt.id)) },
			element("summary", {}, `#${attempt.attempt} ${outcome} in ${attempt.duration_ms} ms to ${attempt.url}${next}`),
			element("div", { class: "inspector" },
				element("h4", {}, "Request sent"), pairs(attempt.request_headers, ""),
				element("pre", { class: "body", id: `request-body-${attempt.id}` }, attempt.request_body),
				element("h4", {}, attempt.status_code ? `Answer: HTTP ${attempt.status_code}` : `No answer: ${attempt.error}`),
				attempt.response_headers ? pairs(attempt.response_headers, "No headers.") : null,
				attempt.response_body !== null && attempt.response_body !== undefined
					? element("pre", { class: "body", id: `response-body-${attempt.id}` }, attempt.response_body || "(empty body)") : null,
				element("p", { class: "muted" }, `Sent ${time(attempt.created)}, took ${attempt.duration_ms} ms${next}.`),
				element("form", { class: "toolbar", onsubmit: verify },
					field("Verify with a secret", secret),
					element("button", { type: "submit", class: "secondary" }, "Verify")),
				result)));
}
