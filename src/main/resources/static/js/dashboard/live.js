// Follows GET /v1/simulator/stream with the secret key. EventSource cannot send an
// Authorization header, so this reads the server-sent events from fetch, and reconnects
// (after a restart of the simulator, too) with a growing pause.

export function follow(key, onMessage, onState) {
	let stopped = false;
	let controller = null;
	let pause = 500;

	async function connect() {
		while (!stopped) {
			controller = new AbortController();
			try {
				const headers = { Accept: "text/event-stream" };
				if (key) headers.Authorization = `Bearer ${key}`;
				const response = await fetch("/v1/simulator/stream", { headers, signal: controller.signal });
				if (response.status === 401 || response.status === 403) {
					// no retry makes a refused key good: wait for another one
					const problem = await response.json();
					onState("refused", problem.detail);
					return;
				}
				if (!response.ok) throw new Error(`stream answered ${response.status}`);
				onState("live");
				pause = 500;
				await read(response.body.getReader(), onMessage);
			} catch (error) {
				if (stopped) return;
			}
			onState("reconnecting");
			await new Promise((resolve) => setTimeout(resolve, pause));
			pause = Math.min(pause * 2, 10000);
		}
	}

	connect();
	return () => {
		stopped = true;
		if (controller) controller.abort();
	};
}

async function read(reader, onMessage) {
	const decoder = new TextDecoder();
	let buffer = "";
	for (;;) {
		const { value, done } = await reader.read();
		if (done) return;
		buffer += decoder.decode(value, { stream: true });
		let end;
		while ((end = buffer.indexOf("\n\n")) >= 0) {
			const frame = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			const message = { event: "message", data: "" };
			for (const line of frame.split("\n")) {
				if (line.startsWith(":")) continue;
				const colon = line.indexOf(":");
				const name = colon < 0 ? line : line.slice(0, colon);
				const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
				if (name === "event") message.event = text;
				else if (name === "data") message.data += (message.data ? "\n" : "") + text;
				else if (name === "id") message.id = text;
			}
			if (message.data) onMessage(message.event, JSON.parse(message.data));
		}
	}
}
