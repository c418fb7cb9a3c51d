import { api, ApiError, formatAmount } from "./api.js";

const PAGE = 10;
const state = { key: localStorage.getItem("simulator.key") || "", selected: null, cursors: [], hasMore: false };
let client = api(state.key || undefined);

const $ = (id) => document.getElementById(id);

function element(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (name === "class") node.className = value;
		else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
		else node.setAttribute(name, value);
	}
	node.append(...children);
	return node;
}

function chip(status) {
	return element("span", { class: `chip ${status}`, "data-status": status }, status);
}

function time(unix) {
	return new Date(unix * 1000).toISOString().replace("T", " ").replace(".000Z", "Z");
}

function say(kind, text) {
	$("message").replaceChildren(text ? element("p", { class: `alert ${kind}` }, text) : "");
}

async function act(label, action) {
	try {
		await action();
		say("", "");
		await refresh();
	} catch (error) {
		say("error", `${label}: ${error instanceof ApiError ? error.problem.detail : error.message}`);
	}
}

async function loadClock() {
	const clock = await client.get("/v1/simulator/clock");
	$("clock-now").value = clock.iso;
}

async function loadPayments() {
	const params = new URLSearchParams({ limit: PAGE });
	const status = $("status-filter").value;
	if (status) params.set("status", status);
	const after = state.cursors[state.cursors.length - 1];
	if (after) params.set("starting_after", after);
	const list = await client.get(`/v1/payments?${params}`);
	state.hasMore = list.has_more;
	state.page = list.data;
	const rows = list.data.map((payment) => {
		const row = element("tr", { class: payment.id === state.selected ? "selected" : "", "data-id": payment.id },
			element("td", {}, element("button", { type: "button", class: "secondary", onclick: () => select(payment.id) }, payment.id)),
			element("td", {}, formatAmount(payment.amount, payment.currency)),
			element("td", {}, time(payment.created)),
			element("td", {}, chip(payment.status)));
		return row;
	});
	$("payments").replaceChildren(...(rows.length ? rows : [element("tr", {}, element("td", { colspan: "4", class: "muted" }, "No payments yet."))]));
	$("older").disabled = !state.hasMore;
	$("newer").disabled = state.cursors.length === 0;
}

function deliveryLine(delivery) {
	const outcome = delivery.status_code ? `HTTP ${delivery.status_code}` : delivery.error;
	const next = delivery.next_attempt_at ? `, next attempt ${time(delivery.next_attempt_at)}` : "";
	return element("li", { class: "delivery", "data-status-code": String(delivery.status_code ?? "") },
		`#${delivery.attempt} ${outcome} in ${delivery.duration_ms} ms to ${delivery.url}${next}`);
}

async function loadDetail() {
	if (!state.selected) return;
	const id = state.selected;
	const payment = await client.get(`/v1/payments/${id}`);
	const events = (await client.get(`/v1/events?payment=${id}&limit=100`)).data.reverse();
	const timeline = [];
	for (const event of events) {
		const deliveries = (await client.get(`/v1/events/${event.id}/deliveries?limit=100`)).data.reverse();
		timeline.push(element("li", { class: "event", "data-type": event.type },
			element("strong", {}, event.type), " ", element("span", { class: "muted" }, time(event.created)), " ",
			element("button", { type: "button", class: "secondary", onclick: () => act("Redeliver", () => client.post(`/v1/events/${event.id}/redeliver`)) }, "Redeliver"),
			deliveries.length ? element("ul", { class: "deliveries" }, ...deliveries.map(deliveryLine))
				: element("p", { class: "muted deliveries" }, "No webhook deliveries.")));
	}
	const typed = $("refund-amount") ? $("refund-amount").value : "";
	const refundAmount = element("input", { id: "refund-amount", type: "number", min: "1", placeholder: "all that is left" });
	refundAmount.value = typed;
	$("detail").replaceChildren(
		element("p", {}, element("code", {}, payment.id), " ", chip(payment.status)),
		element("p", { class: "amount" }, formatAmount(payment.amount, payment.currency)),
		element("p", { class: "muted" }, `received ${payment.amount_received}, refunded ${payment.amount_refunded}, capturable ${payment.amount_capturable}`),
		element("div", { class: "toolbar" },
			element("button", { type: "button", id: "capture", onclick: () => act("Capture", () => client.post(`/v1/payments/${id}/capture`)) }, "Capture"),
			element("button", { type: "button", id: "cancel", class: "danger", onclick: () => act("Cancel", () => client.post(`/v1/payments/${id}/cancel`)) }, "Cancel")),
		element("div", { class: "toolbar" },
			element("div", {}, element("label", { for: "refund-amount" }, "Refund amount (minor units)"), refundAmount),
			element("button", { type: "button", id: "refund", onclick: () => act("Refund", () => client.post(`/v1/payments/${id}/refunds`, refundAmount.value ? { amount: Number(refundAmount.value) } : {})) }, "Refund")),
		element("h2", {}, "Timeline"),
		element("ol", { class: "timeline", id: "timeline" }, ...timeline));
}

async function refresh() {
	try {
		await Promise.all([loadClock(), loadPayments()]);
		await loadDetail();
	} catch (error) {
		say("error", error instanceof ApiError ? error.problem.detail : error.message);
	}
}

function select(id) {
	state.selected = id;
	refresh();
}

$("api-key").value = state.key;
$("key-form").addEventListener("submit", (event) => {
	event.preventDefault();
	state.key = $("api-key").value.trim();
	localStorage.setItem("simulator.key", state.key);
	client = api(state.key || undefined);
	state.selected = null;
	state.cursors = [];
	$("detail").replaceChildren(element("p", { class: "muted" }, "Choose a payment to see its timeline."));
	refresh();
});
$("advance").addEventListener("click", () => act("Advance", () => client.post("/v1/simulator/clock/advance", { seconds: Number($("advance-seconds").value) })));
$("refresh").addEventListener("click", refresh);
$("status-filter").addEventListener("change", () => { state.cursors = []; refresh(); });
$("older").addEventListener("click", () => { state.cursors.push(state.page[state.page.length - 1].id); refresh(); });
$("newer").addEventListener("click", () => { state.cursors.pop(); refresh(); });
// refreshes itself, but never under the hands of someone using a control
setInterval(() => {
	const busy = document.activeElement && document.activeElement !== document.body;
	if (!document.hidden && !busy) refresh();
}, 3000);
refresh();
