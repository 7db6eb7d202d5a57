import ArgumentParser
import CAllocationCount
import Catalog
import Experiments
import Foundation
import LuaHost
import StandardLibrary

/// The cost of one call from Lua into the host: each catalog call beside a plain Lua C
/// function (`math.abs`) timed in the same run, with the heap allocations per call.
struct BridgeBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bridge",
    abstract: "Time single calls from Lua into the host; one line per call, with ns per call and allocations per call.",
    discussion: """
      Each case runs --calls times in a Lua loop, in a state set up as `crescent run` sets one up \
      (the sandbox's file policy; --timeout and --max-memory as given). The loop's CPU time, less that \
      of an empty run of the same loop, divided by the calls, is ns=; ratio= is that over math.abs's \
      (a plain Lua C function) from the same run. allocs= counts the process's heap allocations \
      (malloc and its kin, through a counting wrapper around glibc's) per call, the result's \
      included. Three rounds; the median is printed.
      """
  )

  @Option(help: "Calls per case and round.") var calls: Int = 1_000_000
  @Option(help: "Only the cases whose names contain this (abs is always run).") var only: String?
  @Option(help: "Run under a time limit of this many seconds, as --timeout does.") var timeout: Double?
  @Option(help: "Run under a memory limit of this many bytes, as --max-memory does.") var maxMemory: Int?

  /// The cases: a name and the loop body, with `x` (a 1-element tensor), `m` (4x4), `d` (the
  /// W2 inputs, 2417x103), `run` (a run object, not recorded) and `i` in scope.
  static let cases: [(name: String, body: String)] = [
    ("abs", "local v = abs(-i)"),
    ("item", "local v = x:item()"),
    ("size", "local v = m:size(1)"),
    ("add4x4", "local v = m + m"),
    ("rows32", "local v = d:rows(1, 32)"),
    ("log", "run:log(\"m\", 0.5, i)"),
  ]

  func validate() throws {
    guard calls > 0 else { throw ValidationError("--calls must be positive") }
  }

  func run() throws {
    var options = LuaState.Options()
    options.files = .sandbox(dataFolder: nil, out: nil, allowRead: [], allowWrite: [])
    options.timeout = timeout
    options.maxMemory = maxMemory
    options.output = { _ in }
    let state = LuaState(catalog: .standard(), options: options)
    try state.run("""
      BENCH = {
        abs = math.abs,
        x = tensor.ones(1),
        m = tensor.ones(4, 4),
        d = tensor.randn(2417, 103, {seed = 1}),
      }
      experiment("bridge"):main(function(_, run) BENCH.run = run end)
      """, chunkName: "=bench")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-bridge-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = Run(experiment: "bridge", seed: 0, config: .table([]), runsDirectory: folder)
    _ = try state.runMain(config: .table([]), run: run)
    let counting = crescent_allocation_counting_available() != 0
    if !counting { print("bridge: allocation counting needs glibc; allocs= shows -1") }

    var plain: Double?
    for (name, body) in BridgeBench.cases where name == "abs" || only.map({ name.contains($0) }) ?? true {
      try state.run("""
        local B = BENCH
        local abs, x, m, d, run = B.abs, B.x, B.m, B.d, B.run
        BENCH.loop = function(n)
          for i = 1, n do \(body) end
        end
        """, chunkName: "=bench")
      var rounds: [(ns: Double, allocs: Double)] = []
      for _ in 0..<3 {
        let empty = try measure(state, calls: 0)
        let full = try measure(state, calls: calls)
        rounds.append(((full.seconds - empty.seconds) * 1e9 / Double(calls),
                       Double(Int64(full.allocations) - Int64(empty.allocations)) / Double(calls)))
      }
      let ns = rounds.map(\.ns).sorted()[1], allocs = rounds.map(\.allocs).sorted()[1]
      if name == "abs" { plain = ns }
      let ratio = plain.map { String(format: "%.2f", ns / $0) } ?? "-"
      print("bridge call=\(name) calls=\(calls) ns=\(String(format: "%.1f", ns)) abs_ns=\(String(format: "%.1f", plain ?? ns)) ratio=\(ratio) allocs=\(counting ? String(format: "%.2f", allocs) : "-1")")
    }
  }

  /// The calling thread's CPU time: on a machine shared with other work, wall time counts the
  /// time the thread waited for a core.
  static func threadNanoseconds() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
  }

  /// Runs the loop once with `calls` iterations (after a full collection, so that garbage of
  /// the previous round is not charged to this one).
  private func measure(_ state: LuaState, calls: Int) throws -> (seconds: Double, allocations: UInt64) {
    try state.run("collectgarbage()", chunkName: "=bench")
    let source = "BENCH.loop(\(calls))"
    crescent_count_allocations(1)
    let a0 = crescent_allocation_count()
    let t0 = BridgeBench.threadNanoseconds()
    try state.run(source, chunkName: "=bench")
    let t1 = BridgeBench.threadNanoseconds()
    let a1 = crescent_allocation_count()
    crescent_count_allocations(0)
    return (Double(t1 - t0) / 1e9, a1 - a0)
  }
}
