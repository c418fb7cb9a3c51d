-- The same create, each with a fresh Idempotency-Key.
local counter = 0
local threads = 0
local prefix

function setup(thread)
  threads = threads + 1
  thread:set("prefix", "bench-" .. threads .. "-" .. os.time())
end

function init(args)
  prefix = wrk.thread:get("prefix") or "bench"
end

local body = '{"amount":1999,"currency":"usd","capture_method":"manual","description":"Order #1001","metadata":{"order":"1001"}}'

function request()
  counter = counter + 1
  return wrk.format("POST", "/v1/payments",
    { ["Content-Type"] = "application/json", ["Idempotency-Key"] = prefix .. "-" .. counter }, body)
end
