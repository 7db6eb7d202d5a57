import CAllocationCount
import Catalog
import Experiments
import Foundation
@testable import LuaHost
import StandardLibrary
import Testing

/// The call path from Lua into the catalog: what it converts, what it refuses and what it costs.
@Suite(.serialized) struct BridgeCallTests {
  /// A state under the sandbox's file policy, as `crescent run` makes one, with `run` (a run
  /// object, not recorded) in the global `run`.
  private func state(output: Captured = Captured()) throws -> (LuaState, Run) {
    var options = LuaState.Options()
    options.files = .sandbox(dataFolder: nil, out: nil, allowRead: [], allowWrite: [])
    options.output = { output.text += $0 }
    let state = LuaState(catalog: .standard(), options: options)
    try state.run("experiment('bridge'):main(function(_, r) run = r end)", chunkName: "setup")
    let run = Run(experiment: "bridge", seed: 0, config: .table([]),
                  runsDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("bridge-call-tests"))
    _ = try state.runMain(config: .table([]), run: run)
    return (state, run)
  }

  /// Heap allocations per iteration of `body` in a Lua loop (the counting thread's only).
  private func allocations(_ state: LuaState, setup: String, body: String, calls: Int = 2000) throws -> Double {
    try state.run("\(setup)\nBENCH_LOOP = function(n) for i = 1, n do \(body) end end", chunkName: "loop")
    func count(_ n: Int) throws -> UInt64 {
      try state.run("collectgarbage(); collectgarbage('stop')", chunkName: "gc")
      crescent_count_allocations(1)
      let a0 = crescent_allocation_count()
      try state.run("BENCH_LOOP(\(n))", chunkName: "loop")
      let a1 = crescent_allocation_count()
      crescent_count_allocations(0)
      try state.run("collectgarbage('restart')", chunkName: "gc")
      return a1 - a0
    }
    let base = try count(0), full = try count(calls)
    return Double(Int64(full) - Int64(base)) / Double(calls)
  }

  @Test func callsWithNumbersAndObjectsAllocateNothing() throws {
    guard crescent_allocation_counting_available() != 0 else { return }
    let (s, _) = try state()
    let setup = "x = tensor.ones(1); m = tensor.ones(4, 4)"
    // A call that returns one value pushes it from a buffer the state keeps: no array of results.
    let item = try allocations(s, setup: setup, body: "local v = x:item()")
    let size = try allocations(s, setup: setup, body: "local v = m:size(1)")
    let numel = try allocations(s, setup: setup, body: "local v = m:numel()")
    let log = try allocations(s, setup: setup, body: "run:log('m', 0.5, i)")
    #if DEBUG
    // Unoptimised code boxes and copies more; still a handful, never a per-call name or string.
    let limit = 8.0
    #else
    // A release build counts none for item, size and run:log (`crescent bench bridge`).
    let limit = 0.0
    #endif
    #expect(item <= limit)
    #expect(size <= limit)
    #expect(numel <= limit)
    #expect(log <= limit)
    // A series grows in place: logging into a long one costs what logging into a short one does.
    let later = try allocations(s, setup: setup, body: "run:log('m', 0.5, i)")
    #expect(abs(later - log) < 0.1)
  }

  @Test func integralFloatsPassAsIntegersAndOthersAreRefusedByName() throws {
    let out = Captured()
    let (s, _) = try state(output: out)
    try s.run("""
      local m = tensor.ones(4, 3)
      print(m:size(2.0), m:size(), m:size(nil), m:rows(1, 2.0):size(1))
      for _, bad in ipairs({1.5, 0/0, 2^63, -(2^63), 1/0, 0, "1", true}) do
        local ok, err = pcall(function() return m:size(bad) end)
        print(ok, err)
      end
      """, chunkName: "t.lua")
    let lines = out.text.split(separator: "\n").map(String.init)
    #expect(lines.first == "3\t12\t12\t2")
    let expected = [
      "a number (1.5)", "a number (nan)", "a number (9.223e18)", "a number (-9.223e18)", "a number (inf)",
      "an integer (0)", "a string \"1\"", "a boolean (true)",
    ]
    #expect(lines.count == 1 + expected.count)
    for (line, got) in zip(lines.dropFirst(), expected) {
      #expect(line == "false\tt.lua:4: tensor.size: argument 2 ('dim') expects a positive integer, got \(got)")
    }
  }

  @Test func logTakesNumbersStepsAndNamesAsGiven() throws {
    let (s, run) = try state()
    try s.run("""
      run:log("a\\0b", 1)
      run:log("a\\0b", 0/0)
      run:log("m", 2^60, 3.0)
      run:log("m", -1/0)
      """, chunkName: "t.lua")
    #expect(run.seriesNames == ["a\u{0}b", "m"])
    #expect(run.series["a\u{0}b"]?.map(\.step) == [1, 2])
    #expect(run.series["a\u{0}b"]?[1].value.isNaN == true)
    #expect(run.series["m"]?.map(\.step) == [3, 4])
    #expect(run.series["m"]?.map(\.value) == [0x1p60, -.infinity])
    for (call, message) in [
      ("run:log('m', 1, 2.5)", "t.lua:1: Run:log: argument 4 ('step') expects an integer, got a number (2.5)"),
      ("run:log('m', '1')", "t.lua:1: Run:log: argument 3 ('value') expects a number, got a string \"1\""),
      ("run:log(nil, 1)", "t.lua:1: Run:log: argument 2 ('name') is missing: expected a string"),
      ("run:log(1, 1)", "t.lua:1: Run:log: argument 2 ('name') expects a string, got an integer (1)"),
      ("run.log(tensor.ones(1), 'm', 1)", "t.lua:1: Run:log: argument 1 ('run') expects a Run, got a 1 tensor"),
      ("run.log({}, 'm', 1)", "t.lua:1: Run:log: argument 1 ('run') expects a Run, got an empty table"),
    ] {
      #expect(throws: ScriptError.self) { try s.run(call, chunkName: "t.lua") }
      do { try s.run(call, chunkName: "t.lua") } catch let e as ScriptError { #expect(e.message == message) }
    }
  }

  @Test func aForeignUserdataIsNotTakenForAnObject() throws {
    var options = LuaState.Options()
    options.allow = ["io"]
    let state = LuaState(catalog: .standard(), options: options)
    do {
      try state.run("return tensor.ones(2):add(io.stdout)", chunkName: "t.lua")
      Issue.record("a file handle was taken for a tensor")
    } catch let e as ScriptError {
      #expect(e.message == "t.lua:1: tensor.add: argument 2: got a userdata value that is not a Crescent object")
    }
  }

  @Test func nestedCallsKeepTheirOwnArguments() throws {
    // A callback made inside a catalog call calls the catalog again: the inner call must not
    // take the outer one's buffers.
    let out = Captured()
    let (s, _) = try state(output: out)
    try s.run("""
      local w = tensor.ones(2, 2):requires_grad()
      local m = nn.Sequential{input_dim = 2, nn.Custom{
        forward = function(self, x) return x:matmul(w) + x:size(1) * w:get(1, 2) end, parameters = {w}}}
      local x = tensor.from{{1, 2}, {3, 4}}
      print(m:predict(x):sum(), x:rows(2, 2):sum())
      """, chunkName: "t.lua")
    // x·w = {{3, 3}, {7, 7}}, plus 2 rows times 1 in every place.
    #expect(out.text == "28.0\t7.0\n")
  }
}
