-- One earn per request: a random member, a 3-line order, its own Idempotency-Key and orderId.
local token = os.getenv("LOJAL_TOKEN")
local members = tonumber(os.getenv("LOJAL_MEMBERS") or "100000")
local hot = os.getenv("LOJAL_HOT_MEMBER")
local counter = 0
local next_id = 0

-- Runs in wrk's main state: gives each thread its own id (a global there, set before init).
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  math.randomseed(os.time() + id * 7919)
end

request = function()
  counter = counter + 1
  local key = id .. "-" .. counter .. "-" .. math.random(1, 1000000000)
  local member = hot or ("mem_" .. math.random(1, members))
  local a, b, c = math.random(500, 20000), math.random(500, 20000), math.random(500, 20000)
  local body = string.format(
    '{"memberId":"%s","orderId":"o-%s","amount":%d,"currency":"EUR","channel":"WEB","lines":[' ..
    '{"sku":"a","category":"shoes","quantity":1,"unitPrice":%d},' ..
    '{"sku":"b","category":"electronics","quantity":1,"unitPrice":%d},' ..
    '{"sku":"c","category":"books","quantity":1,"unitPrice":%d}]}', member, key, a + b + c, a, b, c)
  return wrk.format("POST", "/v1/earn", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end

local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end
