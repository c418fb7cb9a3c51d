package dev.paymentsimulator.common;

import java.util.Map;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * How the modules that know when a problem is answered write it into the OpenAPI
 * document: one example per code, under the status the code goes with.
 */
public final class OpenApiProblems {

	/** The component schema of every problem answer. */
	public static final String SCHEMA = "Problem";

	private OpenApiProblems() {
	}

	/** Adds the code's example to the operation's answers, beside those already there. */
	public static void add(ApiResponses responses, ErrorCode code) {
		String status = Integer.toString(code.status().value());
		Example example = new Example().summary(code.meaning())
			.value(Map.of("type", "urn:payment-simulator:problem:" + code.value(), "title",
					code.status().getReasonPhrase(), "status", code.status().value(), "detail", code.meaning() + ".",
					"code", code.value()));
		ApiResponse response = responses.get(status);
		if (response == null || response.getContent() == null) {
			response = new ApiResponse().description(code.status().getReasonPhrase())
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(OpenApiSchemas.reference(SCHEMA))));
			responses.addApiResponse(status, response);
		}
		response.getContent().values().forEach((media) -> media.addExamples(code.value(), example));
	}

}
