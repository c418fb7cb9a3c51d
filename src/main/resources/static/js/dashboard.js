// The dashboard: a namespace's payments, events, webhook endpoints and clock, kept up to
// date by the live stream, with the moves each payment's state allows.
import { api, ApiError, formatAmount } from "./api.js";
import { $, chip, element, time } from "./dashboard/dom.js";
import { endpointForm, loadEndpoints } from "./dashboard/endpoints.js";
import { loadEvents, TYPES } from "./dashboard/events.js";
import { follow } from "./dashboard/live.js";
import { delivery, moves, summary } from "./dashboard/payment.js";

const PAGE = 10;
const state = { key: localStorage.getItem("simulator.key") || "", selected: null, cursors: [], hasMore: false, page: [],
	kept: { open: new Set(), verdicts: new Map() }, detailStale: false };
let client = api(state.key || undefined);
let unfollow = () => {};

function say(kind, text) {
	$("message").replaceChildren(text ? element("p", { class: `alert ${kind}` }, text) : "");
}

function problemText(error) {
	return error instanceof ApiError ? error.problem.detail : error.message;
}

async function act(label, action) {
	try {
		await action();
		say("", "");
	} catch (error) {
		say("error", `${label}: ${problemText(error)}`);
	}
	await refresh();
}

async function loadClock() {
	const clock = await client.get("/v1/simulator/clock");
	$("clock-now").value = clock.iso;
	return clock;
}

async function loadPayments() {
	const params = new URLSearchParams({ limit: PAGE });
	if ($("status-filter").value) params.set("status", $("status-filter").value);
	const after = state.cursors[state.cursors.length - 1];
	if (after) params.set("starting_after", after);
	const list = await client.get(`/v1/payments?${params}`);
	state.hasMore = list.has_more;
	state.page = list.data;
	const rows = list.data.map((payment) => element("tr", { class: payment.id === state.selected ? "selected" : "", "data-id": payment.id },
		element("td", {}, element("button", { type: "button", class: "link", onclick: () => select(payment.id) }, payment.id),
			payment.description ? element("div", { class: "muted" }, payment.description) : null),
		element("td", {}, formatAmount(payment.amount, payment.currency)),
		element("td", { class: "when" }, time(payment.created)),
		element("td", {}, chip(payment.status))));
	$("payments").replaceChildren(...(rows.length ? rows
		: [element("tr", {}, element("td", { colspan: "4", class: "muted" }, "No payments yet."))]));
	$("older").disabled = !state.hasMore;
	$("newer").disabled = state.cursors.length === 0;
}

/** Typed values survive a redraw, so a live update never wipes a half-filled form. */
function keepTyped(render) {
	const typed = [...$("detail").querySelectorAll("input, select")].filter((input) => input.id).map((input) => [input.id, input.value]);
	render();
	for (const [id, value] of typed) {
		const input = document.getElementById(id);
		if (input) input.value = value;
	}
}

async function loadDetail() {
	if (!state.selected) return;
	// never redraw under the hands of someone typing in it; it redraws on leaving
	if ($("detail").contains(document.activeElement) && document.activeElement.matches("input, select")) {
		state.detailStale = true;
		return;
	}
	state.detailStale = false;
	const id = state.selected;
	const payment = await client.get(`/v1/payments/${id}`);
	const events = (await client.get(`/v1/events?payment=${id}&limit=100`)).data.reverse();
	const timeline = await Promise.all(events.map(async (event) => {
		const attempts = (await client.get(`/v1/events/${event.id}/deliveries?limit=100`)).data.reverse();
		return element("li", { class: "event", "data-type": event.type, "data-id": event.id },
			element("strong", {}, event.type), " ", element("span", { class: "muted" }, time(event.created)), " ",
			element("button", { type: "button", class: "secondary small", id: `redeliver-${event.id}`,
				onclick: () => act("Redeliver", () => client.post(`/v1/events/${event.id}/redeliver`)) }, "Redeliver"),
			attempts.length ? element("ul", { class: "deliveries" }, ...attempts.map((attempt) => delivery(attempt, client, state.kept)))
				: element("p", { class: "muted deliveries" }, "No webhook deliveries."));
	}));
	$("detail").dataset.payment = id;
	keepTyped(() => $("detail").replaceChildren(summary(payment), element("h3", {}, "Moves"), moves(payment, client, act),
		element("h3", {}, "Timeline"), element("ol", { class: "timeline", id: "timeline" }, ...timeline)));
}

async function load() {
	try {
		await Promise.all([loadClock(), loadPayments(), loadEvents(client, select), loadEndpoints(client, act)]);
		await loadDetail();
	} catch (error) {
		say("error", problemText(error));
	}
}

/**
 * One load at a time: two at once could finish out of order and draw the older answer
 * last; messages that come during a load are covered by a single load after it.
 */
let loading = null;
let again = false;
function refresh() {
	if (loading) {
		again = true;
		return loading;
	}
	loading = (async () => {
		do {
			again = false;
			await load();
		} while (again);
		loading = null;
	})();
	return loading;
}

/** Live messages come in bursts; one redraw covers a burst. */
let pending = null;
function refreshSoon() {
	if (!pending) pending = setTimeout(() => { pending = null; refresh(); }, 150);
}

/** Opens a payment; its id goes in the address, so the view can be shared or reloaded. */
function select(id) {
	if (window.location.hash !== `#${id}`) history.replaceState(null, "", `#${id}`);
	state.selected = id;
	state.kept.open.clear();
	state.kept.verdicts.clear();
	delete $("detail").dataset.payment;
	refresh().then(() => $("detail-title").focus());
}

function selectFromAddress() {
	const id = decodeURIComponent(window.location.hash.slice(1));
	if (id.startsWith("pay_") && id !== state.selected) select(id);
}

function useKey(key) {
	say("", "");
	state.key = key;
	localStorage.setItem("simulator.key", key);
	client = api(key || undefined);
	state.selected = null;
	state.cursors = [];
	$("detail").replaceChildren(element("p", { class: "muted" }, "Choose a payment to see it, its moves and its timeline."));
	unfollow();
	let dropped = false;
	unfollow = follow(key, (name) => { if (name !== "ready") refreshSoon(); }, (live, why) => {
		$("live").textContent = { live: "Live", reconnecting: "Reconnecting…", refused: "Not live: the key is refused" }[live];
		$("live").title = why || "";
		$("live").dataset.state = live;
		// back after a restart: catch up on what happened meanwhile
		if (live === "live" && dropped) refreshSoon();
		dropped = live !== "live";
	});
	if (window.location.hash.startsWith("#pay_")) {
		state.selected = null;
		selectFromAddress();
	} else {
		refresh();
	}
}

async function advance(seconds) {
	await act("Advance", async () => {
		const before = (await loadClock()).now;
		const after = await client.post("/v1/simulator/clock/advance", { seconds });
		const due = (await client.get("/v1/events?limit=100")).data.filter((event) => event.created > before);
		$("clock-due").replaceChildren(element("p", { class: "alert info" },
			`Moved ${seconds} s to ${after.iso}: `, due.length ? `${due.length} event(s) fell due.` : "nothing fell due."),
		...(due.length ? [element("ul", {}, ...due.map((event) => element("li", {}, `${event.type} `, element("code", {}, event.data.payment.id))))] : []));
	});
}

$("api-key").value = state.key;
$("key-form").addEventListener("submit", (event) => {
	event.preventDefault();
	useKey($("api-key").value.trim());
});
$("event-type").append(...TYPES.map((type) => element("option", { value: type }, type)));
$("event-type").addEventListener("change", refresh);
$("endpoint-create-form").replaceChildren(endpointForm(() => client, act));
for (const button of document.querySelectorAll("[data-advance]")) {
	button.addEventListener("click", () => advance(Number(button.dataset.advance)));
}
$("advance-form").addEventListener("submit", (event) => {
	event.preventDefault();
	advance(Number($("advance-seconds").value));
});
$("refresh").addEventListener("click", refresh);
$("status-filter").addEventListener("change", () => { state.cursors = []; refresh(); });
$("older").addEventListener("click", () => { state.cursors.push(state.page[state.page.length - 1].id); refresh(); });
$("newer").addEventListener("click", () => { state.cursors.pop(); refresh(); });
window.addEventListener("hashchange", selectFromAddress);
$("detail").addEventListener("focusout", () => setTimeout(() => { if (state.detailStale) loadDetail(); }, 0));
useKey(state.key);
