-- GET /v1/me with the token of a random member, from a file of pre-minted member tokens (one per line).
local tokens = {}
for line in io.lines(os.getenv("LOJAL_MEMBER_TOKENS")) do tokens[#tokens + 1] = line end

request = function()
  return wrk.format("GET", "/v1/me", { ["Authorization"] = "Bearer " .. tokens[math.random(1, #tokens)] })
end
