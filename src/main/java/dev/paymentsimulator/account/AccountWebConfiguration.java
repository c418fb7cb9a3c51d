package dev.paymentsimulator.account;

import java.util.List;

import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.OpenApiProblems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AccountWebConfiguration implements WebMvcConfigurer {

	static {
		// the namespace comes from the API key, so the API documents no parameter for it
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Namespace.class, Caller.class);
	}

	/**
	 * Every API operation refuses a bad key, and all but those the browser may call
	 * refuse a publishable one.
	 */
	@Bean
	OpenApiCustomizer apiKeyProblems() {
		return (openApi) -> openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				if (path.startsWith("/v1/")) {
					OpenApiProblems.add(operation.getResponses(), ErrorCode.INVALID_API_KEY);
					if (!ApiKeyFilter.publishableMayCall(method.name(), path)) {
						OpenApiProblems.add(operation.getResponses(), ErrorCode.SECRET_KEY_REQUIRED);
					}
				}
			}));
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new NamespaceArgumentResolver());
	}

}
