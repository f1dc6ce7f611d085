-- wrk script for run.sh: counts the status code of every response, per thread, and reports the
-- totals, the socket errors and the request rate in done(), one "KEY value" line each, for the
-- script to parse. WRK_ALLOW_304=1 accepts 304 Not Modified (the repeat variant); anything else
-- outside 2xx counts as BAD.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts") or {}) do
      total[status] = (total[status] or 0) + n
    end
  end
  local allow304 = os.getenv("WRK_ALLOW_304") == "1"
  local bad = 0
  for status, n in pairs(total) do
    io.write(string.format("STATUS %d %d\n", status, n))
    local ok = (status >= 200 and status < 300) or (allow304 and status == 304)
    if not ok then
      bad = bad + n
    end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("SOCKET_ERRORS %d\n", socket))
  io.write(string.format("BAD %d\n", bad + socket))
  io.write(string.format("REQUESTS %d\n", summary.requests))
  io.write(string.format("RPS %.2f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("P50_MS %.2f\n", latency:percentile(50) / 1000))
end
