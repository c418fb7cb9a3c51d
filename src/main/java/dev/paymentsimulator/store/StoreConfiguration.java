package dev.paymentsimulator.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The transactions the stores and services run their work in. With PostgreSQL they are
 * Spring Boot's {@code TransactionTemplate} over the data source; in memory each store is
 * atomic on its own, so work just runs, and after-commit listeners
 * ({@code @TransactionalEventListener(fallbackExecution = true)}) run at once.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	@OnMemoryStore
	TransactionOperations transactionOperations() {
		return TransactionOperations.withoutTransaction();
	}

}
