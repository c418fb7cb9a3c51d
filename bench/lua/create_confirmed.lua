-- POST /v1/payments that confirms at once with a test card: the payment ends succeeded, the most
-- ordinary traffic there is, and the one retention used to keep for ever.
wrk.method = "POST"
wrk.path = "/v1/payments"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"amount":1999,"currency":"usd","confirm":true,"payment_method":"pm_card_visa","description":"Order #1001","metadata":{"order":"1001"}}'

