-- command: run
-- args: --max-memory 200000000
-- exit: 0
-- expect: broadcast refused
-- expect: product refused
-- expect: concatenation refused
-- max-rss-mb: 150
-- max-seconds: 6
-- Results of operations that outgrow their operands are refused before their memory is taken:
-- the process never holds the gigabyte a broadcast or a product would need.
local function refused(what, f)
  local ok, err = pcall(f)
  assert(not ok and err:find("memory limit exceeded"), tostring(err))
  print(what .. " refused")
end
refused("broadcast", function() return tensor.ones(16384, 1) + tensor.ones(1, 16384) end)
refused("product", function() return tensor.ones(16384, 1):matmul(tensor.ones(1, 16384)) end)
local row = tensor.ones(1, 16384)
local parts = {}
for i = 1, 16384 do parts[i] = row end
refused("concatenation", function() return tensor.concat(parts) end)
