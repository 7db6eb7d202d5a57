import Testing
@testable import Tensors

@Suite struct MemoryBudgetTests {
  @Test func aShapeBeyondTheBudgetIsRefusedBeforeAllocating() throws {
    let budget = MemoryBudget(limit: 1 << 20)
    let before = TensorStorage.liveBytes
    MemoryBudget.$current.withValue(budget) {
      #expect(throws: TensorError.self) { try Tensor.validateShape([1024, 1024]) }  // 4 MiB
    }
    #expect(TensorStorage.liveBytes <= before + (1 << 20))
    let error = MemoryBudget.$current.withValue(budget) { () -> TensorError? in
      do { try Tensor.validateShape([16384, 16384]); return nil } catch { return error as? TensorError }
    }
    #expect(error?.message.contains("a 16384x16384 tensor needs 1073741824 bytes with") == true)
    #expect(error?.message.hasSuffix("memory limit exceeded") == true)
  }

  @Test func aShapeWithinTheBudgetPasses() throws {
    let budget = MemoryBudget(limit: Int.max)
    try MemoryBudget.$current.withValue(budget) { try Tensor.validateShape([100, 100]) }
  }

  @Test func theHostsOwnBytesCount() {
    // 1000 floats (4000 bytes) fit in 1 MiB, not when the host already holds all but 1000.
    let tight = MemoryBudget(limit: 1 << 20, otherBytes: { (1 << 20) - 1000 - TensorStorage.liveBytes })
    #expect(throws: TensorError.self) { try tight.reserve(4000, for: "a buffer") }
    #expect(throws: Never.self) { try tight.reserve(500, for: "a buffer") }
  }

  @Test func withoutABudgetNothingIsChecked() throws {
    try MemoryBudget.reserve(floats: Int.max, for: "anything")
  }
}
