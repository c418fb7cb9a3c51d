import { api, formatAmount, query, paymentIdFromPath, withResult } from "./api.js";

const paymentId = paymentIdFromPath();
const clientSecret = query("client_secret");
const client = api(query("key") || "pk_test_default");
const message = document.getElementById("message");
const buttons = [document.getElementById("complete"), document.getElementById("fail")];
let returnUrl = null;

function say(kind, text) {
	const box = document.createElement("p");
	box.className = `alert ${kind}`;
	box.textContent = text;
	message.replaceChildren(box);
}

async function finish(outcome) {
	buttons.forEach((button) => (button.disabled = true));
	try {
		const payment = await client.post(`/v1/simulator/payments/${paymentId}/challenge`, {
			outcome,
			client_secret: clientSecret,
		});
		const back = withResult(returnUrl, payment);
		if (back) {
			window.location.assign(back);
			return;
		}
		say(payment.status === "failed" ? "error" : "success", `The payment is now ${payment.status}.`
			+ (returnUrl ? " The return address is invalid, so you stay on this page." : ""));
	} catch (error) {
		say("error", error.message);
		buttons.forEach((button) => (button.disabled = false));
	}
}

async function start() {
	try {
		const payment = await client.get(`/v1/payments/${paymentId}?client_secret=${encodeURIComponent(clientSecret || "")}`);
		document.getElementById("amount").textContent = formatAmount(payment.amount, payment.currency);
		returnUrl = payment.next_action ? payment.next_action.redirect_to_url.return_url : null;
		if (payment.status !== "requires_action") {
			buttons.forEach((button) => (button.disabled = true));
			say("info", `Nothing to confirm: the payment is ${payment.status}.`);
		}
	} catch (error) {
		buttons.forEach((button) => (button.disabled = true));
		say("error", "This payment cannot be found.");
	}
}

document.getElementById("complete").addEventListener("click", () => finish("pass"));
document.getElementById("fail").addEventListener("click", () => finish("fail"));
start();
