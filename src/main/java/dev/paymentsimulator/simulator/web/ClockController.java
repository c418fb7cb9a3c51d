package dev.paymentsimulator.simulator.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.clock.SimulatorClock;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/simulator/clock")
class ClockController {

	/** Ten years: far enough for any expiry or retry, small enough to never overflow. */
	private static final long MAX_ADVANCE_SECONDS = 315_360_000;

	private final SimulatorClock clock;

	ClockController(SimulatorClock clock) {
		this.clock = clock;
	}

	@Schema(name = "Clock", requiredProperties = { "object", "now", "iso" })
	record ClockView(String object, long now, String iso) {
		static ClockView of(Instant now) {
			return new ClockView("simulator_clock", now.getEpochSecond(),
					now.truncatedTo(ChronoUnit.SECONDS).toString());
		}
	}

	record Advance(@NotNull @Min(1) @Max(MAX_ADVANCE_SECONDS) Long seconds) {
	}

	@GetMapping
	ClockView now(Namespace namespace) {
		return ClockView.of(this.clock.now(namespace));
	}

	@PostMapping("/advance")
	ClockView advance(@Valid @RequestBody Advance request, Namespace namespace) {
		return ClockView.of(this.clock.advance(namespace, Duration.ofSeconds(request.seconds())));
	}

}
