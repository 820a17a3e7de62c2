-- wrk script for bench/load_test.sh: rotates through searches people make,
-- alternating the JSON API and the results page, counts every response that
-- is not 2xx, and writes the figures as JSON (to $LOAD_TEST_JSON) at the end.

local queries = {
  "music education hub", "fostering", "placements", "corporate parenting",
  "\"care leavers\"", "safeguarding", "MASH", "ofsted inspection",
  "youth justice", "school places", "adoption", "accomodation", "fostring",
  "minute 232", "£39,441", "amount:1m..", "year:2019 health",
  "committee:cyp budget", "type:action status:open", "sufficiency strategy",
}

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
for i, q in ipairs(queries) do
  paths[#paths + 1] = "/api/search?q=" .. encode(q) .. "&limit=10"
  paths[#paths + 1] = "/search?q=" .. encode(q)
end

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  -- each thread starts at a different place in the rotation
  n = (id * 7) % #paths
  non2xx = 0
  statuses = {}
end

function request()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local non2xx_total, by_status = 0, {}
  for _, t in ipairs(threads) do
    non2xx_total = non2xx_total + t:get("non2xx")
    for status, count in pairs(t:get("statuses")) do
      by_status[#by_status + 1] = string.format("\"%d\": %d", status, count)
    end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local function ms(us) return us / 1000 end
  local out = string.format([[{
  "tool": "wrk",
  "url": "%s",
  "queries": %d,
  "paths": %d,
  "connections": %s,
  "threads": %d,
  "duration_s": %.2f,
  "requests": %d,
  "requests_per_s": %.1f,
  "transfer_bytes": %d,
  "latency_ms": {"mean": %.2f, "stdev": %.2f, "max": %.2f, "p50": %.2f, "p90": %.2f, "p99": %.2f, "p99_9": %.2f},
  "errors": {"non_2xx": %d, "non_2xx_by_status": {%s}, "connect": %d, "read": %d, "write": %d, "timeout": %d, "socket_total": %d},
  "server": %s
}
]],
    os.getenv("LOAD_TEST_URL") or "", #queries, #paths,
    os.getenv("LOAD_TEST_CONNECTIONS") or "null", #threads, seconds,
    summary.requests, summary.requests / seconds, summary.bytes,
    ms(latency.mean), ms(latency.stdev), ms(latency.max),
    ms(latency:percentile(50)), ms(latency:percentile(90)),
    ms(latency:percentile(99)), ms(latency:percentile(99.9)),
    non2xx_total, table.concat(by_status, ", "),
    e.connect, e.read, e.write, e.timeout, socket_errors,
    os.getenv("LOAD_TEST_SERVER") or "null")
  io.write("\n", out)
  local path = os.getenv("LOAD_TEST_JSON")
  if path and path ~= "" then
    local f = assert(io.open(path, "w"))
    f:write(out)
    f:close()
  end
end
