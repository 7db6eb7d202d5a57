describe("the sandbox", function()
  it("keeps library tables read-only", function()
    assert.errors(function() nn.Dense = nil end, "attempt to modify read-only table 'nn'")
    assert.errors(function() string.rep = nil end, "read-only table 'string'")
    assert.errors(function() tensor.zeros = print end, "read-only table 'tensor'")
    assert.equals(type(string.rep), "function")
  end)

  it("still lists library functions with pairs", function()
    local n = 0
    for name, f in pairs(math) do if name == "sqrt" then n = n + 1 end end
    assert.equals(n, 1)
  end)

  it("finds no io or os.execute", function()
    assert.equals(io, nil)
    assert.equals(os.execute, nil)
  end)

  it("explains a missing module with the paths tried", function()
    local err = assert.errors(function() require "recipes.nope" end, "module 'recipes.nope' not found")
    assert.truthy(err:find("recipes/nope.lua", 1, true))
  end)
end)

describe("assert helpers", function()
  it("compare tables deeply", function()
    assert.equals({ 1, { a = 2 } }, { 1, { a = 2 } })
    assert.errors(function() assert.equals({ 1 }, { 2 }) end, "expected {2}, got {1}")
  end)
end)
