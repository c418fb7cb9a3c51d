package dev.paymentsimulator.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The hosted pages: static HTML that talks to the public API from the browser, served
 * under the paths the API hands out (a 3-D Secure {@code next_action} points at /3ds/…).
 */
@Controller
class PagesController {

	@GetMapping("/checkout/{id}")
	String checkout(@PathVariable String id) {
		return "forward:/checkout.html";
	}

	@GetMapping("/3ds/{id}")
	String challenge(@PathVariable String id) {
		return "forward:/3ds.html";
	}

	@GetMapping({ "/dashboard", "/dashboard/" })
	String dashboard() {
		return "forward:/dashboard.html";
	}

}
