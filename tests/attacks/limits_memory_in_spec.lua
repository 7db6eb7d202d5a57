-- command: test
-- args: --max-memory 200000000
-- exit: 1
-- expect-match: tensor.ones: a 16384x16384 tensor needs .*memory limit exceeded
-- max-seconds: 6
-- Under `crescent test`, --max-memory holds per spec file: the example fails, nothing is allocated.
describe("memory", function()
  it("is refused", function()
    local t = tensor.ones(16384, 16384)
    assert.equals(t:sum():item(), 16384 * 16384)
  end)
end)
