package dev.paymentsimulator.ops;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HealthController {

	private static final Map<String, String> OK = Map.of("status", "ok");

	@GetMapping("/health")
	Map<String, String> health() {
		return OK;
	}

}
