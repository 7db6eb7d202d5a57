import Foundation
import Testing
@testable import RunStore

@Suite struct ConcurrencyTests {
  /// Eight writers, each with a connection of its own (as eight processes have), create one new
  /// store at the same moment and write 1,000 points each in batches of 100: every point
  /// arrives and no writer fails on a lock. (tests/cli/runs_parallel.sh does it with eight
  /// `crescent run` processes.)
  @Test func eightWritersShareOneNewStore() throws {
    let dir = TempFolder()
    let path = dir.path("crescent.db")
    let errors = Errors()
    let ids = Errors()
    DispatchQueue.concurrentPerform(iterations: 8) { w in
      do {
        let store = try RunStore(path: path)
        let r = try RunRecording(store: store, start: .test("w\(w)"))
        r.batchSize = 100
        for i in 0..<1000 { r.log("x", Double(i), step: i) }
        try r.finish(.completed)
        ids.add(r.runID)
      } catch { errors.add("\(error)") }
    }
    #expect(errors.all.isEmpty)
    let store = try RunStore(path: path)
    let runs = try store.runs()
    #expect(runs.count == 8 && Set(runs.map(\.id)) == Set(ids.all))
    for r in runs {
      #expect(try store.series(run: r.id, key: "x").map(\.value) == (0..<1000).map(Double.init))
    }
  }
}

final class Errors: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ s: String) { lock.withLock { items.append(s) } }
  var all: [String] { lock.withLock { items } }
}
