// Small DOM helpers the dashboard's views share.

export const $ = (id) => document.getElementById(id);

/** An element with attributes (on* are listeners) and children. */
export function element(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined || value === null || value === false) continue;
		if (name === "class") node.className = value;
		else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
		else node.setAttribute(name, value === true ? "" : value);
	}
	node.append(...children.filter((child) => child !== null && child !== undefined));
	return node;
}

export function chip(status) {
	return element("span", { class: `chip ${status}`, "data-status": status }, status);
}

export function time(unix) {
	return new Date(unix * 1000).toISOString().replace("T", " ").replace(".000Z", "Z");
}

/** Key and value rows, for metadata and headers. */
export function pairs(map, emptyText) {
	const entries = Object.entries(map || {});
	if (!entries.length) return element("p", { class: "muted" }, emptyText);
	return element("dl", { class: "pairs" }, ...entries.flatMap(([key, value]) => [
		element("dt", {}, key), element("dd", {}, String(value))]));
}

/** A labelled field: the label's for and the input's id match, so it is reachable by name. */
export function field(label, input) {
	return element("div", { class: "field" }, element("label", { for: input.id }, label), input);
}
