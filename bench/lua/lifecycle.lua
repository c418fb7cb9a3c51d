-- create+confirm, capture, refund, over and over; every call with an Idempotency-Key.
-- Run with as many connections as threads, so each thread's calls are strictly in turn.
local step = 0
local payment
local counter = 0
local threads = 0
local prefix

function setup(thread)
  threads = threads + 1
  thread:set("prefix", "life-" .. threads .. "-" .. os.time())
end

function init(args)
  prefix = wrk.thread:get("prefix") or "life"
end

local function call(path, body)
  counter = counter + 1
  return wrk.format("POST", path,
    { ["Content-Type"] = "application/json", ["Idempotency-Key"] = prefix .. "-" .. counter }, body)
end

function request()
  if step == 0 or payment == nil then
    return call("/v1/payments",
      '{"amount":1999,"currency":"usd","capture_method":"manual","confirm":true,"payment_method":"pm_card_visa"}')
  elseif step == 1 then
    return call("/v1/payments/" .. payment .. "/capture", '{"amount":1500}')
  else
    return call("/v1/payments/" .. payment .. "/refunds", '{"amount":500}')
  end
end

function response(status, headers, body)
  if step == 0 then
    payment = string.match(body, '"id":"(pay_[^"]+)"')
  end
  step = (step + 1) % 3
end
