package dev.paymentsimulator.account;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AccountWebConfiguration implements WebMvcConfigurer {

	static {
		// the namespace comes from the API key, so the API documents no parameter for it
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Namespace.class, Caller.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new NamespaceArgumentResolver());
	}

}
