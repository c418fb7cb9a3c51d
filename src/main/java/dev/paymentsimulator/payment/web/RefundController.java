package dev.paymentsimulator.payment.web;

import dev.paymentsimulator.account.Namespace;
import dev.paymentsimulator.common.ErrorCode;
import dev.paymentsimulator.common.ListPage;
import dev.paymentsimulator.common.PageRequest;
import dev.paymentsimulator.common.ProblemAnswers;
import dev.paymentsimulator.payment.PaymentService;
import dev.paymentsimulator.payment.RefundView;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/refunds")
class RefundController {

	private final PaymentService payments;

	RefundController(PaymentService payments) {
		this.payments = payments;
	}

	@GetMapping("/{id}")
	RefundView get(@PathVariable String id, Namespace namespace) {
		return RefundView.of(this.payments.getRefund(namespace, id));
	}

	@ProblemAnswers(ErrorCode.RESOURCE_MISSING)
	@GetMapping
	ListPage<RefundView> list(@RequestParam(required = false) String payment,
			@RequestParam(required = false) Integer limit,
			@RequestParam(name = "starting_after", required = false) String startingAfter, Namespace namespace) {
		String url = (payment != null) ? "/v1/refunds?payment=" + payment : "/v1/refunds";
		return this.payments.listRefunds(namespace, PageRequest.of(limit, startingAfter), payment)
			.toPage(url)
			.map(RefundView::of);
	}

}
