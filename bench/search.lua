-- wrk script: GET /persons?name=… with part of a loaded name or its pinyin initials, at random.
local names = {}
for line in io.lines(os.getenv("BENCH_NAMES")) do names[#names + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }
math.randomseed(os.time())

request = function()
  return wrk.format("GET", wrk.path .. "?pageSize=20&name=" .. names[math.random(#names)], headers)
end
