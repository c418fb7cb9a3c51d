// Webhook endpoints: listed, created, disabled or enabled, rotated and deleted; a secret
// is shown once, when it is made.
import { $, chip, element, field } from "./dom.js";

export async function loadEndpoints(client, act) {
	const list = await client.get("/v1/webhook_endpoints?limit=100");
	const rows = list.data.map((endpoint) => element("tr", { "data-id": endpoint.id },
		element("td", {}, element("code", {}, endpoint.id), element("br"), endpoint.url),
		element("td", {}, endpoint.enabled_events.join(", ")),
		element("td", {}, chip(endpoint.disabled ? "disabled" : "enabled")),
		element("td", { class: "actions" },
			element("button", { type: "button", class: "secondary", id: `toggle-${endpoint.id}`,
				onclick: () => act(endpoint.disabled ? "Enable" : "Disable",
					() => client.post(`/v1/webhook_endpoints/${endpoint.id}`, { disabled: !endpoint.disabled })) },
			endpoint.disabled ? "Enable" : "Disable"),
			element("button", { type: "button", class: "secondary", id: `rotate-${endpoint.id}`,
				onclick: () => act("Rotate", async () => showSecret(await client.post(`/v1/webhook_endpoints/${endpoint.id}/rotate_secret`, {}))) },
			"Rotate secret"),
			element("button", { type: "button", class: "danger", id: `delete-${endpoint.id}`,
				onclick: () => act("Delete", () => client.delete(`/v1/webhook_endpoints/${endpoint.id}`)) }, "Delete"))));
	$("endpoints").replaceChildren(...(rows.length ? rows
		: [element("tr", {}, element("td", { colspan: "4", class: "muted" }, "No webhook endpoints."))]));
}

export function endpointForm(client, act) {
	// the client is asked for when sending, as the key may change after the form is made
	const url = element("input", { id: "endpoint-url", type: "url", placeholder: "http://localhost:4000/webhooks", required: true });
	const events = element("input", { id: "endpoint-events", placeholder: "* or payment.succeeded, payment.refunded" });
	return element("form", { class: "toolbar", id: "endpoint-form", onsubmit: (event) => {
		event.preventDefault();
		const enabled = events.value.split(",").map((type) => type.trim()).filter(Boolean);
		act("Create endpoint", async () => {
			showSecret(await client().post("/v1/webhook_endpoints", { url: url.value.trim(), enabled_events: enabled.length ? enabled : ["*"] }));
			url.value = "";
			events.value = "";
		});
	} }, field("URL", url), field("Events", events), element("button", { type: "submit", id: "endpoint-create" }, "Add endpoint"));
}

function showSecret(endpoint) {
	$("endpoint-secret").replaceChildren(element("p", { class: "alert success" },
		`Signing secret of ${endpoint.id}, shown this once: `, element("code", { id: "endpoint-secret-value" }, endpoint.secret)));
}
