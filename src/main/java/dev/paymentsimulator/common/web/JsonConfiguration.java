package dev.paymentsimulator.common.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Strict JSON: a typo, a float where an integer belongs or a number sent as a string is a
 * 400 naming the field, never silently accepted or truncated.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictSnakeCaseJson() {
		SimpleModule noNul = new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul())
			.addKeyDeserializer(String.class, new TextWithoutNul.Keys());
		return (builder) -> builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.addModule(noNul)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual,
					(strings) -> strings.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	/**
	 * JSON is the one body the API reads and writes. Spring MVC also registers converters
	 * for what the class path offers (XML through JAXB and YAML through Jackson 2, which
	 * the OpenAPI library brings), and asks each of them on every answer whether it can
	 * write it.
	 */
	@Bean
	WebMvcConfigurer jsonOnlyConverters() {
		return new WebMvcConfigurer() {
			@Override
			public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
				builder.configureMessageConvertersList((converters) -> converters
					.removeIf((converter) -> converter instanceof Jaxb2RootElementHttpMessageConverter
							|| converter.getSupportedMediaTypes().stream().anyMatch(JsonConfiguration::isYaml)));
			}
		};
	}

	private static boolean isYaml(MediaType type) {
		return type.getSubtype().contains("yaml");
	}

}
