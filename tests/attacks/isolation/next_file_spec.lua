-- Run after spec_isolation_spec.lua: nothing of it is left.
it("sees no globals of the file before", function() assert.truthy(big == nil and keep == nil and parked == nil) end)
it("draws as a file run alone does (seed 1)", function()
  assert.near(tensor.randn(1):item(), -0.66902947425842, 1e-12)
end)
it("has the whole memory budget", function() assert.truthy(tensor.ones(3000, 3000):numel() == 9000000) end)
