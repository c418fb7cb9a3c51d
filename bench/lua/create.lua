-- POST /v1/payments with the create body both apps parse.
wrk.method = "POST"
wrk.path = "/v1/payments"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"amount":1999,"currency":"usd","capture_method":"manual","description":"Order #1001","metadata":{"order":"1001"}}'
