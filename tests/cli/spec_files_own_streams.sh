# Each spec file under `crescent test` runs with random streams of its own, from the root seed:
# the second file's unseeded draws are the same whether or not the first file ran before it.
cat > a_spec.lua <<'LUA'
describe("a", function() it("draws", function()
  local m = nn.Sequential { input_dim = 3, nn.Dense(2) }
  assert.truthy(tensor.rand(4, 4):sum() >= 0 and tensor.randn(2, 2) ~= nil and m ~= nil) end) end)
LUA
cat > b_spec.lua <<'LUA'
describe("b", function() it("draws", function()
  local r = tensor.rand(1, 3):to_table()[1]
  print(string.format("b draws %.6f %.6f %.6f", r[1], r[2], r[3]))
  assert.truthy(true) end) end)
LUA
step "$crescent" test b_spec.lua
step "$crescent" test a_spec.lua b_spec.lua
step "$crescent" test a_spec.lua b_spec.lua --seed 2
