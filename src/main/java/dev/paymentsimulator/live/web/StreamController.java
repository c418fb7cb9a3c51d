package dev.paymentsimulator.live.web;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.ProblemAnswers;
import dev.paymentsimulator.live.LiveStream;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The namespace's live stream, for the dashboard and for tests that watch. */
@RestController
class StreamController {

	private final LiveStream live;

	StreamController(LiveStream live) {
		this.live = live;
	}

	@ApiResponse(responseCode = "200",
			description = "Server-sent events: ready once, then event (an Event) and delivery (an attempt's outcome)"
					+ " as they happen, and a comment every 10 s",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
	@ProblemAnswers(ErrorCode.LIMIT_EXCEEDED)
	@GetMapping(path = "/v1/simulator/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Namespace namespace) {
		return this.live.subscribe(namespace);
	}

}
