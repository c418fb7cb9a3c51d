package dev.paymentsimulator.simulator.web;

import java.net.URI;
import java.util.Map;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.RawJson;
import dev.paymentsimulator.payment.PaymentView;
import dev.paymentsimulator.simulator.ResetService;
import dev.paymentsimulator.simulator.TriggerService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/v1/simulator")
class SimulatorControlController {

	private final ResetService reset;

	private final TriggerService trigger;

	SimulatorControlController(ResetService reset, TriggerService trigger) {
		this.reset = reset;
		this.trigger = trigger;
	}

	@Schema(name = "Reset", requiredProperties = { "object", "deleted" })
	record ResetView(@Schema(allowableValues = "simulator_reset") String object, Map<String, Long> deleted) {
	}

	record Trigger(@NotNull String event, TriggerService.Overrides payment) {
	}

	@Schema(name = "Triggered", requiredProperties = { "object", "event", "payment" })
	record TriggerView(@Schema(allowableValues = "simulator_trigger") String object, RawJson event,
			PaymentView payment) {
	}

	@PostMapping("/reset")
	ResetView reset(Namespace namespace) {
		return new ResetView("simulator_reset", this.reset.reset(namespace));
	}

	@PostMapping("/trigger")
	ResponseEntity<TriggerView> trigger(@Valid @RequestBody Trigger request, Namespace namespace) {
		TriggerService.Triggered triggered = this.trigger.trigger(namespace, request.event(),
				(request.payment() != null) ? request.payment() : TriggerService.Overrides.NONE,
				ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
		return ResponseEntity.created(URI.create("/v1/events/" + triggered.event().id()))
			.body(new TriggerView("simulator_trigger", new RawJson(triggered.event().json()),
					PaymentView.of(triggered.payment())));
	}

}
