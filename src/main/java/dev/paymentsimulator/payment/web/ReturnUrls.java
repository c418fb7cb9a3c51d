package dev.paymentsimulator.payment.web;

import java.net.URI;
import java.net.URISyntaxException;

import dev.paymentsimulator.common.ApiException;

/** A {@code return_url} must be somewhere a browser can be sent: absolute http(s). */
final class ReturnUrls {

	private ReturnUrls() {
	}

	static String check(String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url);
			if (uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
					&& uri.getHost() != null) {
				return url;
			}
		}
		catch (URISyntaxException ex) {
			// answered below
		}
		throw ApiException.invalid("return_url", "return_url must be an absolute http or https URL.");
	}

}
