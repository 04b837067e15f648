-- wrk script: optional POST body from the environment, and a JSON line with p50/p95/p99
-- (wrk's own --latency report has no p95).
--
-- WRK_SENDERS names a file of "cookie<TAB>body" lines: the requests are sent as each of them
-- in turn (several people posting, each within their own limits). WRK_EXPECT is the status
-- every answer must have: any other is counted under "wrong" (a 200 that shows the form
-- again is no written comment, though wrk counts it a success).
local method = os.getenv("WRK_METHOD")
local body = os.getenv("WRK_BODY")
if method then wrk.method = method end
if body and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

local senders = {}
local senders_file = os.getenv("WRK_SENDERS")
if senders_file and senders_file ~= "" then
  for line in io.lines(senders_file) do
    local cookie, form = line:match("^(.-)\t(.*)$")
    if cookie then senders[#senders + 1] = {cookie = cookie, body = form} end
  end
end
local expect = tonumber(os.getenv("WRK_EXPECT") or "")

local threads = {}
setup = function(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

-- Each thread's own Lua state: its count of wrong answers, read by done() through thread:get.
wrong = 0
local turn, prepared = 0, {}
init = function(args)
  turn = id * 7919  -- the threads start at different senders
  -- Every sender's request is formatted once, not on each send: wrk shares the two cores.
  for i, sender in ipairs(senders) do
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    headers["Cookie"] = sender.cookie
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    prepared[i] = wrk.format(nil, nil, headers, sender.body)
  end
end

if #senders > 0 then
  request = function()
    turn = turn + 1
    return prepared[(turn % #prepared) + 1]
  end
end

if expect then
  response = function(status, headers, response_body)
    if status ~= expect then wrong = wrong + 1 end
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local wrong_total = 0
  for _, thread in ipairs(threads) do wrong_total = wrong_total + (thread:get("wrong") or 0) end
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "errors": %d, '
    .. '"status_errors": %d, "wrong": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect + e.read + e.write + e.status + e.timeout, e.status, wrong_total,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
