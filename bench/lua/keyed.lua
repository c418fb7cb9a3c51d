-- Sends every request of the script named by SCRIPT with the secret key in KEY, so that each
-- scenario of bench/webhooks.sh works in a namespace of its own on one simulator.
local key = os.getenv("KEY")
dofile(os.getenv("SCRIPT"))
wrk.headers["Authorization"] = "Bearer " .. key
local format = wrk.format
-- scripts that build their own requests pass their headers; those that do not get wrk.headers
wrk.format = function(method, path, headers, body)
  if headers then
    headers["Authorization"] = "Bearer " .. key
  end
  return format(method, path, headers, body)
end
