// Card checks the customer sees while typing; the API checks again.

export function digits(text) {
	return (text || "").replace(/[\s-]/g, "");
}

export function passesLuhn(number) {
	if (!/^[0-9]{12,19}$/.test(number)) return false;
	let sum = 0;
	let doubled = false;
	for (let i = number.length - 1; i >= 0; i--) {
		let digit = number.charCodeAt(i) - 48;
		if (doubled) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
		doubled = !doubled;
	}
	return sum % 10 === 0;
}

export function brand(number) {
	if (/^3[47]/.test(number)) return "amex";
	if (/^4/.test(number)) return "visa";
	if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
	return "card";
}

/** "12/30" or "12 / 2030" into month and four-digit year, or null. */
export function parseExpiry(text) {
	const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text || "");
	if (!match) return null;
	const month = Number(match[1]);
	let year = Number(match[2]);
	if (year < 100) year += 2000;
	if (month < 1 || month > 12) return null;
	return { month, year };
}

export function cvcLength(number) {
	return brand(number) === "amex" ? 4 : 3;
}
