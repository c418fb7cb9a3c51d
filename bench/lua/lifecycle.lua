-- create+confirm, capture, refund, over and over; every call with an Idempotency-Key. Each
-- payment's next call is sent only once the answer to its last one came back, so the steps
-- stay in order on any number of connections: answers say what comes next.
local counter = 0
local threads = 0
local prefix
local to_capture = {}
local to_refund = {}

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
  local payment = table.remove(to_refund)
  if payment then
    return call("/v1/payments/" .. payment .. "/refunds", '{"amount":500}')
  end
  payment = table.remove(to_capture)
  if payment then
    return call("/v1/payments/" .. payment .. "/capture", '{"amount":1500}')
  end
  return call("/v1/payments",
    '{"amount":1999,"currency":"usd","capture_method":"manual","confirm":true,"payment_method":"pm_card_visa"}')
end

function response(status, headers, body)
  if status ~= 200 and status ~= 201 then
    return
  end
  local id = string.match(body, '"id":"(pay_[^"]+)"')
  local state = string.match(body, '"status":"([a-z_]+)"')
  if id and state == "authorized" then
    table.insert(to_capture, id)
  elseif id and state == "captured" then
    table.insert(to_refund, id)
  end
end
