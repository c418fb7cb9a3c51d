package dev.paymentsimulator.common;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The list envelope every collection answers with:
 * {@code {"object":"list","data":[…],"has_more":…,"url":"/v1/…"}}.
 */
@Schema(requiredProperties = { "object", "data", "has_more", "url" })
public record ListPage<T>(@Schema(allowableValues = "list") String object, List<T> data, boolean hasMore, String url) {

	public static <T> ListPage<T> of(List<T> data, boolean hasMore, String url) {
		return new ListPage<>("list", data, hasMore, url);
	}

	public <R> ListPage<R> map(Function<? super T, ? extends R> mapper) {
		return new ListPage<>(this.object, this.data.stream().<R>map(mapper).toList(), this.hasMore, this.url);
	}

}
