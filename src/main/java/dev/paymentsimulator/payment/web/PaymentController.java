package dev.paymentsimulator.payment.web;

import java.net.URI;
import java.util.Map;

import dev.paymentsimulator.account.Caller;
import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ApiException;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.HttpUrls;
import dev.paymentsimulator.common.ListPage;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.ProblemAnswers;
import dev.paymentsimulator.payment.CaptureMethod;
import dev.paymentsimulator.payment.NewPayment;
import dev.paymentsimulator.payment.PaymentInputs;
import dev.paymentsimulator.payment.PaymentService;
import dev.paymentsimulator.payment.PaymentStatus;
import dev.paymentsimulator.payment.PaymentView;
import dev.paymentsimulator.payment.RefundView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/v1/payments")
class PaymentController {

	private final PaymentService payments;

	PaymentController(PaymentService payments) {
		this.payments = payments;
	}

	record CreatePayment(
			@Schema(minimum = "" + PaymentInputs.MIN_AMOUNT,
					maximum = "" + PaymentInputs.MAX_AMOUNT) @NotNull Long amount,
			@Schema(pattern = "^[A-Za-z]{3}$", example = "usd") @NotNull String currency, @Schema(allowableValues = {
					"automatic", "manual" }) @Pattern(regexp = "automatic|manual",
							message = "must be automatic or manual") String captureMethod,
			@Size(max = 1000) String description, Map<String, String> metadata, JsonNode paymentMethod, Boolean confirm,
			@Size(max = 2048) String returnUrl){

		@Override
		public String toString() {
			return "CreatePayment[amount=" + this.amount + ", currency=" + this.currency + ", payment_method=redacted]";
		}

	}

	record Confirm(JsonNode paymentMethod, String clientSecret, @Size(max = 2048) String returnUrl) {

		@Override
		public String toString() {
			return "Confirm[payment_method=redacted]";
		}

	}

	record Capture(@Min(1) Long amount) {
	}

	record Cancel(@Schema(allowableValues = {
			"duplicate", "fraudulent", "requested_by_customer", "abandoned" }) @Pattern(
					regexp = "duplicate|fraudulent|requested_by_customer|abandoned",
					message = "must be duplicate, fraudulent, requested_by_customer or abandoned") String cancellationReason){
	}

	record CreateRefund(@Min(1) Long amount, @Schema(allowableValues = {
			"requested_by_customer", "duplicate", "fraudulent" }) @Pattern(
					regexp = "requested_by_customer|duplicate|fraudulent",
					message = "must be requested_by_customer, duplicate or fraudulent") String reason,
			Map<String, String> metadata){
	}

	@ProblemAnswers({ ErrorCode.INCORRECT_NUMBER, ErrorCode.CARD_DECLINED, ErrorCode.EXPIRED_CARD,
			ErrorCode.INCORRECT_CVC, ErrorCode.PROCESSING_ERROR })
	@PostMapping
	ResponseEntity<PaymentView> create(@Valid @RequestBody CreatePayment request, Namespace namespace) {
		CaptureMethod captureMethod = (request.captureMethod() != null)
				? CaptureMethod.fromValue(request.captureMethod()) : CaptureMethod.AUTOMATIC;
		boolean confirm = Boolean.TRUE.equals(request.confirm());
		// only a confirmation can need the 3-D Secure page, and building its address
		// from the request costs a create about 1 % of its CPU
		var payment = this.payments.create(namespace,
				new NewPayment(request.amount(), request.currency(), captureMethod, request.description(),
						request.metadata(), PaymentMethodParser.parse(request.paymentMethod()), confirm,
						returnUrl(request.returnUrl()), confirm ? pagesBaseUrl() : null));
		return ResponseEntity.created(URI.create("/v1/payments/" + payment.id())).body(PaymentView.of(payment));
	}

	@ProblemAnswers({ ErrorCode.INCORRECT_NUMBER, ErrorCode.CARD_DECLINED, ErrorCode.EXPIRED_CARD,
			ErrorCode.INCORRECT_CVC, ErrorCode.PROCESSING_ERROR, ErrorCode.PAYMENT_INVALID_STATE })
	@PostMapping("/{id}/confirm")
	PaymentView confirm(@PathVariable String id, @Valid @RequestBody(required = false) Confirm request, Caller caller) {
		Confirm confirm = (request != null) ? request : new Confirm(null, null, null);
		String clientSecret = ClientSecrets.required(caller, id, confirm.clientSecret());
		return PaymentView
			.of(this.payments.confirm(caller.namespace(), id, PaymentMethodParser.parse(confirm.paymentMethod()),
					clientSecret, returnUrl(confirm.returnUrl()), pagesBaseUrl()));
	}

	@ProblemAnswers({ ErrorCode.AMOUNT_TOO_LARGE, ErrorCode.PAYMENT_INVALID_STATE })
	@PostMapping("/{id}/capture")
	PaymentView capture(@PathVariable String id, @Valid @RequestBody(required = false) Capture request,
			Namespace namespace) {
		return PaymentView.of(this.payments.capture(namespace, id, (request != null) ? request.amount() : null));
	}

	@ProblemAnswers(ErrorCode.PAYMENT_INVALID_STATE)
	@PostMapping("/{id}/cancel")
	PaymentView cancel(@PathVariable String id, @Valid @RequestBody(required = false) Cancel request,
			Namespace namespace) {
		return PaymentView
			.of(this.payments.cancel(namespace, id, (request != null) ? request.cancellationReason() : null));
	}

	@ProblemAnswers({ ErrorCode.AMOUNT_TOO_LARGE, ErrorCode.PAYMENT_INVALID_STATE, ErrorCode.LIMIT_EXCEEDED })
	@PostMapping("/{id}/refunds")
	ResponseEntity<RefundView> refund(@PathVariable String id,
			@Valid @RequestBody(required = false) CreateRefund request, Namespace namespace) {
		CreateRefund refund = (request != null) ? request : new CreateRefund(null, null, null);
		var created = this.payments.refund(namespace, id, refund.amount(), refund.reason(), refund.metadata());
		return ResponseEntity.created(URI.create("/v1/refunds/" + created.id())).body(RefundView.of(created));
	}

	@GetMapping("/{id}")
	PaymentView get(@PathVariable String id, @RequestParam(name = "client_secret", required = false) String secret,
			Caller caller) {
		return PaymentView.of(this.payments.get(caller.namespace(), id, ClientSecrets.required(caller, id, secret)));
	}

	@GetMapping
	ListPage<PaymentView> list(@RequestParam(required = false) Integer limit,
			@RequestParam(name = "starting_after", required = false) String startingAfter,
			@RequestParam(required = false) String status, Namespace namespace) {
		return this.payments.list(namespace, PageRequest.of(limit, startingAfter), status(status))
			.toPage("/v1/payments")
			.map(PaymentView::of);
	}

	private static PaymentStatus status(String status) {
		if (status == null || status.isEmpty()) {
			return null;
		}
		try {
			return PaymentStatus.fromValue(status);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("status", "status must be one of the payment states, such as authorized.");
		}
	}

	private static String returnUrl(String url) {
		return (url != null) ? HttpUrls.check("return_url", url) : null;
	}

	/** The address clients reached us by, for the 3-D Secure page they must visit. */
	static String pagesBaseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
