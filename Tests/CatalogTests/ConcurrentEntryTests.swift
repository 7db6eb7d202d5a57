import Catalog
import StandardLibrary
import Tensors
import Testing

/// Declarations are shared by every run: entries built once (in static lets) are handed to
/// concurrent tasks and called there, each task with a session of its own.
@Suite struct ConcurrentEntryTests {
  @Test func entriesAreCalledFromConcurrentTasks() async throws {
    let catalog = Catalog.standard()
    let matmul = try #require(catalog.entry("tensor.matmul"))
    let results = try await withThrowingTaskGroup(of: (Int, [Float]).self) { group in
      for k in 1...8 {
        group.addTask {
          // Every task builds its own catalog and session; only the entry value is shared.
          let session = Session(catalog: Catalog.standard(), seed: UInt64(k))
          let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), b = Tensor(shape: [2, 2], scalars: [Float(k), 0, 0, 1])
          guard case .tensor(let c)? = try matmul.call([.tensor(a), .tensor(b)], in: session).first else { return (k, []) }
          return (k, c.scalars)
        }
      }
      var out: [Int: [Float]] = [:]
      for try await (k, c) in group { out[k] = c }
      return out
    }
    // [[1, 2], [3, 4]] · diag(k, 1) = [[k, 2], [3k, 4]].
    for k in 1...8 { #expect(results[k] == [Float(k), 2, 3 * Float(k), 4]) }
  }
}
