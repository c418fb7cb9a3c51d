package dev.paymentsimulator.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands controllers the namespace, or the whole caller, of the request they serve. */
class NamespaceArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Namespace.class.equals(parameter.getParameterType())
				|| Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binderFactory) {
		HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
		if (Caller.class.equals(parameter.getParameterType())) {
			return Caller.of(http);
		}
		return Namespace.of(http);
	}

}
