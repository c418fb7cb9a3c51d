package dev.paymentsimulator.payment.web;

import dev.paymentsimulator.account.Caller;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.ProblemAnswers;
import dev.paymentsimulator.payment.PaymentService;
import dev.paymentsimulator.payment.PaymentView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Finishes 3-D Secure without a browser, as the challenge page's buttons do. */
@RestController
class ChallengeController {

	private final PaymentService payments;

	ChallengeController(PaymentService payments) {
		this.payments = payments;
	}

	/**
	 * @param clientSecret needed with a publishable key, as the 3-D Secure page sends it
	 */
	record Challenge(@Schema(allowableValues = {
			"pass", "fail" }) @NotNull @Pattern(regexp = "pass|fail", message = "must be pass or fail") String outcome,
			String clientSecret){

		@Override
		public String toString() {
			return "Challenge[outcome=" + this.outcome + ", client_secret=redacted]";
		}

	}

	@ProblemAnswers(ErrorCode.PAYMENT_INVALID_STATE)
	@PostMapping("/v1/simulator/payments/{id}/challenge")
	PaymentView finish(@PathVariable String id, @Valid @RequestBody Challenge request, Caller caller) {
		this.payments.get(caller.namespace(), id, ClientSecrets.required(caller, id, request.clientSecret()));
		return PaymentView.of(this.payments.finishChallenge(caller.namespace(), id, "pass".equals(request.outcome())));
	}

}
