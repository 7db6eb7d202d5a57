import Testing
@testable import LuaHost

/// `{}` after an optional positional argument is the options table, from Lua as well.
@Suite(.serialized) struct EmptyOptionsTableTests {
  @Test func fitAndEvaluateTakeADataSetAndAnEmptyOptionsTable() {
    let r = runScript("""
      local ds = data.Dataset{x = tensor.from{{0, 1}, {1, 0}, {1, 1}, {0, 0}}, y = tensor.from{{1}, {0}, {1}, {0}}}
      local m = nn.Sequential{input_dim = 2, nn.Dense(1, {activation = "sigmoid"})}
      m:compile{optimizer = optim.SGD{lr = 0.1}, loss = "binary_crossentropy"}
      local h = m:fit(ds, {})
      print(#h.loss, type(m:evaluate(ds, {}).loss))
      local x = tensor.from{{1, 5}, {3, 2}}
      print(x:sum({}), x:max({}), x:argmax({}), x:size({}), tensor.arange(5, {}):numel())
      """)
    #expect(r.error == nil, "\(r.error?.message ?? "")")
    #expect(r.output.hasSuffix("1\tnumber\n11.0\t5.0\t2\t4\t5\n"), "\(r.output)")
  }
}
