package dev.paymentsimulator.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what looks like a card number in text the service writes back or logs: a run of
 * 12 to 19 digits, with or without single spaces or dashes between them, keeps only its
 * first and last four ({@code 4242…4242}). Mistyped numbers count too: they are still
 * someone's card.
 */
public final class CardNumbers {

	private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){11,18}(?![0-9])");

	private CardNumbers() {
	}

	public static String redact(String text) {
		if (text == null || !holdsTwelveDigits(text)) {
			return text;
		}
		Matcher matcher = CANDIDATE.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder redacted = new StringBuilder(text.length());
		do {
			String digits = digitsOf(matcher.group());
			matcher.appendReplacement(redacted,
					digits.substring(0, 4) + "\u2026" + digits.substring(digits.length() - 4));
		}
		while (matcher.find());
		return matcher.appendTail(redacted).toString();
	}

	/**
	 * Without the spaces and dashes; not with replaceAll, which compiles a pattern each
	 * time.
	 */
	private static String digitsOf(String candidate) {
		StringBuilder digits = new StringBuilder(candidate.length());
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (c != ' ' && c != '-') {
				digits.append(c);
			}
		}
		return digits.toString();
	}

	/**
	 * What a card number needs, counted without the pattern: every access log line passes
	 * its path and key through here, and almost none holds twelve digits.
	 */
	private static boolean holdsTwelveDigits(String text) {
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9' && ++digits == 12) {
				return true;
			}
		}
		return false;
	}

}
