-- Sends every request of the script named by SCRIPT with the secret key in KEY, so that each
-- scenario of bench/webhooks.sh works in a namespace of its own on one simulator.
local key = os.getenv("KEY")
local inner = os.getenv("SCRIPT")
dofile(inner)
local format = wrk.format
wrk.format = function(method, path, headers, body)
  headers = headers or {}
  headers["Authorization"] = "Bearer " .. key
  return format(method, path, headers, body)
end
if key then
  wrk.headers["Authorization"] = "Bearer " .. key
end
