package dev.paymentsimulator.common.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.paymentsimulator.common.ApiFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.CompositeFilter;

/**
 * Registers the {@link ApiFilter} stages with the servlet container as one filter, in the
 * order of {@link ApiFilter.Stage}. It runs after Spring Boot's character encoding and
 * observation filters, so the HTTP server metrics count what the stages refuse.
 */
@Configuration(proxyBeanMethods = false)
class ApiFilterConfiguration {

	@Bean
	FilterRegistrationBean<Stages> apiFilters(ApplicationContext context) {
		Map<String, Object> beans = context.getBeansWithAnnotation(ApiFilter.class);
		Map<ApiFilter.Stage, Filter> stages = new EnumMap<>(ApiFilter.Stage.class);
		beans.forEach((name, bean) -> {
			ApiFilter.Stage stage = context.findAnnotationOnBean(name, ApiFilter.class).value();
			if (stages.put(stage, (Filter) bean) != null) {
				throw new IllegalStateException("Two filters claim the stage " + stage);
			}
		});
		if (stages.size() != ApiFilter.Stage.values().length) {
			throw new IllegalStateException("No filter for the stages "
					+ Arrays.stream(ApiFilter.Stage.values()).filter((stage) -> !stages.containsKey(stage)).toList());
		}
		FilterRegistrationBean<Stages> registration = new FilterRegistrationBean<>(
				new Stages(List.copyOf(stages.values())));
		registration.setName("simulatorApiFilters");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		// each stage says which dispatches it works in, as it did when registered alone
		registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
		return registration;
	}

	/**
	 * The stages are beans that Spring initialises and destroys; the container must not
	 * do it again. Initialised by the container, each would also take this filter's name,
	 * and the stages tell their runs apart by their names.
	 */
	static final class Stages extends CompositeFilter {

		private final List<Filter> stages;

		Stages(List<Filter> stages) {
			this.stages = stages;
			setFilters(stages);
		}

		/** The stages in the order they run. */
		List<Filter> stages() {
			return this.stages;
		}

		@Override
		public void init(FilterConfig config) {
		}

		@Override
		public void destroy() {
		}

	}

}
