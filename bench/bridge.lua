-- Single calls from Lua into the host, timed in a Lua loop (os.clock), each beside math.abs (a
-- plain Lua C function) from the same run; `crescent bench bridge` measures the same loops with
-- allocation counts. The first argument picks one case (default: all), the second the calls.
--   crescent run --no-record bench/bridge.lua -- [CASE] [CALLS]
-- Instructions per call: run one case under valgrind --tool=callgrind with CALLS and with 0,
-- and divide the difference by CALLS.
local only, n = arg[1] or "all", math.tointeger(tonumber(arg[2] or "1000000"))
local abs, x, m, d = math.abs, tensor.ones(1), tensor.ones(4, 4), tensor.randn(2417, 103, {seed = 1})

local function cases(run)
  return {
    {"abs", function(k) for i = 1, k do local v = abs(-i) end end},
    {"item", function(k) for i = 1, k do local v = x:item() end end},
    {"size", function(k) for i = 1, k do local v = m:size(1) end end},
    {"add4x4", function(k) for i = 1, k do local v = m + m end end},
    {"rows32", function(k) for i = 1, k do local v = d:rows(1, 32) end end},
    {"log", function(k) for i = 1, k do run:log("m", 0.5, i) end end},
  }
end

local function time(f, k)
  collectgarbage()
  local t0 = os.clock()
  f(k)
  return os.clock() - t0
end

experiment("bridge"):main(function(_, run)
  local plain
  for _, c in ipairs(cases(run)) do
    local name, f = c[1], c[2]
    if only == "all" or only == name or name == "abs" then
      local best = math.huge
      for _ = 1, 3 do best = math.min(best, time(f, n) - time(f, 0)) end
      local ns = best * 1e9 / math.max(n, 1)
      plain = plain or ns
      if only == "all" or only == name then
        print(string.format("bridge call=%s calls=%d ns=%.1f abs_ns=%.1f ratio=%.2f", name, n, ns, plain, ns / plain))
      end
    end
  end
end)
