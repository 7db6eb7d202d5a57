-- command: test
-- args: --timeout 1
-- exit: 124
-- expect-match: ^crescent: limits_pattern_in_spec.lua: time limit exceeded
-- max-seconds: 6
-- The same under `crescent test`: --timeout holds per spec file.
describe("patterns", function()
  it("never returns", function()
    assert.truthy(string.rep("a", 40):match(string.rep("a*", 30) .. "b"))
  end)
end)
