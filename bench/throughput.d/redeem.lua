-- One redemption of 100 points per request on a random member (each holds plenty), with its own Idempotency-Key.
local token = os.getenv("LOJAL_TOKEN")
local members = tonumber(os.getenv("LOJAL_MEMBERS") or "100000")
local counter = 0
local next_id = 0

-- Runs in wrk's main state: gives each thread its own id (a global there, set before init).
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  math.randomseed(os.time() + id * 104729)
end

request = function()
  counter = counter + 1
  local key = "r" .. id .. "-" .. counter .. "-" .. math.random(1, 1000000000)
  local body = string.format('{"memberId":"mem_%d","points":100}', math.random(1, members))
  return wrk.format("POST", "/v1/redemptions", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
