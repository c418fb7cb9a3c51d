package dev.paymentsimulator.common;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Addresses the simulator sends people or requests to: absolute http(s), nothing else.
 */
public final class HttpUrls {

	private static final int MAX_LENGTH = 2048;

	private HttpUrls() {
	}

	/**
	 * @return the URL when it is absolute http(s) with a host and no user info
	 * @throws ApiException {@code parameter_invalid} naming {@code param} otherwise
	 */
	public static String check(String param, String url) {
		if (url != null && url.length() <= MAX_LENGTH) {
			try {
				URI uri = new URI(url);
				if (uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
						&& uri.getHost() != null && uri.getRawUserInfo() == null) {
					return url;
				}
			}
			catch (URISyntaxException ex) {
				// answered below
			}
		}
		throw ApiException.invalid(param, param + " must be an absolute http or https URL without user info, at most "
				+ MAX_LENGTH + " characters.");
	}

}
