-- wrk script: POST /persons/lookup with an ID number drawn at random from the loaded sample.
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }
math.randomseed(os.time())

request = function()
  return wrk.format("POST", nil, headers, '{"idNumber":"' .. ids[math.random(#ids)] .. '"}')
end
