package dev.paymentsimulator.common;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a request's path is spelled. Tomcat and Spring MVC each decode a path, drop its
 * {@code ;} parameters and resolve its dot segments in their own way, so a check made on
 * the raw path can pass a request that then reaches a handler under another name
 * ({@code /v1;x/payments}, {@code /%761/payments}). A plain path reads the same to all of
 * them; nothing this service answers needs any other spelling.
 */
public final class RequestPaths {

	private RequestPaths() {
	}

	/**
	 * Whether the path is spelled as the dispatcher routes it: no {@code ;} parameters,
	 * no percent-encoding, no empty, {@code .} or {@code ..} segments.
	 */
	public static boolean isPlain(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !path.isEmpty() && path.charAt(0) == '/' && path.indexOf(';') < 0 && path.indexOf('%') < 0
				&& !path.contains("//") && !path.contains("/./") && !path.contains("/../") && !path.endsWith("/.")
				&& !path.endsWith("/..");
	}

	/**
	 * The path as the servlet container resolved it (decoded, parameters dropped, dot
	 * segments resolved), which is what logs and metrics name a request by.
	 */
	public static String normalised(HttpServletRequest request) {
		String servletPath = request.getServletPath();
		if (servletPath == null || servletPath.isEmpty()) {
			return request.getRequestURI();
		}
		String pathInfo = request.getPathInfo();
		return (pathInfo != null) ? servletPath + pathInfo : servletPath;
	}

}
