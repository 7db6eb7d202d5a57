import Testing
@testable import LuaHost
import Catalog

/// A table's names reach Swift sorted, whatever order Lua's seeded string hashes visit them in,
/// so a run's result, config and logs read the same in every process.
@Suite struct TableOrderTests {
  @Test func namesArriveSorted() throws {
    let letters = "qwertyuiopasdfghjklzxcvbnm".map(String.init)
    let state = LuaState()
    try state.run("t = {" + letters.enumerated().map { "\($0.element) = \($0.offset)" }.joined(separator: ", ") + "}")
    guard case .table(let pairs) = try state.global("t") else { Issue.record("not a table"); return }
    #expect(pairs.map(\.key) == letters.sorted())
  }

  @Test func namesBesideAListArriveSorted() throws {
    let state = LuaState()
    try state.run("t = {10, 20, zeta = 1, alpha = 2, mid = 3}")
    guard case .mixed(let items, let fields) = try state.global("t") else { Issue.record("not a mixed table"); return }
    #expect(items.count == 2)
    #expect(fields.map(\.key) == ["alpha", "mid", "zeta"])
  }
}
