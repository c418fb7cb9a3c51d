// The namespace's events, newest first, filtered by type; a payment id opens the payment.
import { $, element, time } from "./dom.js";

export const TYPES = ["payment.created", "payment.requires_action", "payment.processing", "payment.authorized",
	"payment.succeeded", "payment.failed", "payment.captured", "payment.canceled", "payment.refunded"];

export async function loadEvents(client, open) {
	const params = new URLSearchParams({ limit: 20 });
	if ($("event-type").value) params.set("type", $("event-type").value);
	const list = await client.get(`/v1/events?${params}`);
	const rows = list.data.map((event) => element("tr", { "data-id": event.id, "data-type": event.type },
		element("td", {}, event.type),
		element("td", {}, element("button", { type: "button", class: "link", onclick: () => open(event.data.payment.id) }, event.data.payment.id)),
		element("td", {}, time(event.created))));
	$("events").replaceChildren(...(rows.length ? rows
		: [element("tr", {}, element("td", { colspan: "3", class: "muted" }, "No events."))]));
}
