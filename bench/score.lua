-- wrk script for bench/score.sh: POSTs one single-row /score request (ERCOT_BODY) with the API key (ERCOT_KEY).
-- wrk counts answers other than 2xx/3xx itself ("Non-2xx or 3xx responses").
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = os.getenv("ERCOT_KEY")
local file = assert(io.open(os.getenv("ERCOT_BODY"), "r"))
wrk.body = file:read("*a")
file:close()

