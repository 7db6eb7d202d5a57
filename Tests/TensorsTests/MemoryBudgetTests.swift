import Testing
@testable import Tensors

@Suite struct MemoryBudgetTests {
  @Test func aShapeBeyondTheBudgetIsRefusedBeforeAllocating() throws {
    let budget = MemoryBudget(limit: 1 << 20)
    let error = MemoryBudget.$current.withValue(budget) { () -> TensorError? in
      do { try Tensor.validateShape([16384, 16384]); return nil } catch { return error as? TensorError }
    }
    #expect(error?.message.contains("a 16384x16384 tensor needs 1073741824 bytes with") == true)
    #expect(error?.message.hasSuffix("memory limit exceeded") == true)
    #expect(budget.tensorBytes == 0)
  }

  @Test func arangeAsksTheBudgetBeforeAllocating() throws {
    // 2^24 values (64 MiB) under a 1 MiB budget: refused, nothing allocated.
    let budget = MemoryBudget(limit: 1 << 20)
    let error = MemoryBudget.$current.withValue(budget) { () -> TensorError? in
      do { _ = try Tensor.arange(0, 16_777_216); return nil } catch { return error as? TensorError }
    }
    #expect(error?.message.contains("a 16777216 tensor needs 67108864 bytes with") == true)
    #expect(error?.message.hasSuffix("memory limit exceeded") == true)
    #expect(budget.tensorBytes == 0)
    let small = try MemoryBudget.$current.withValue(budget) { try Tensor.arange(0, 10) }
    #expect(small.count == 10 && budget.tensorBytes == 40)
  }

  @Test func aShapeWithinTheBudgetPasses() throws {
    let budget = MemoryBudget(limit: 1 << 20)
    try MemoryBudget.$current.withValue(budget) { try Tensor.validateShape([100, 100]) }
  }

  @Test func aBudgetCountsTheTensorsMadeUnderItUntilTheyAreFreed() throws {
    let budget = MemoryBudget(limit: 1 << 20)
    var kept: Tensor? = MemoryBudget.$current.withValue(budget) { Tensor.zeros([100, 100]) }
    let other = Tensor.zeros([1000, 1000])  // made under no budget: not counted
    #expect(budget.tensorBytes == 40_000)
    #expect(kept?.count == 10_000 && other.count == 1_000_000)
    kept = nil
    #expect(budget.tensorBytes == 0)
    // 1 MiB minus 40,000 bytes is left once 100x100 floats are live.
    let held = MemoryBudget.$current.withValue(budget) { Tensor.zeros([100, 100]) }
    try budget.reserve((1 << 20) - 40_000, for: "a buffer")
    #expect(throws: TensorError.self) { try budget.reserve((1 << 20) - 39_999, for: "a buffer") }
    #expect(held.count == 10_000)
  }

  @Test func theHostsOwnBytesCount() {
    let tight = MemoryBudget(limit: 1 << 20, otherBytes: { (1 << 20) - 1000 })
    #expect(throws: TensorError.self) { try tight.reserve(4000, for: "a buffer") }
    #expect(throws: Never.self) { try tight.reserve(500, for: "a buffer") }
  }

  @Test func withoutABudgetNothingIsChecked() throws {
    try MemoryBudget.reserve(floats: Int.max, for: "anything")
    try MemoryBudget.reserve(shapes: [[Int.max, 2]], for: "anything")
  }

  @Test func hugeShapesAreRefusedWithoutOverflow() {
    let budget = MemoryBudget(limit: 1 << 20)
    MemoryBudget.$current.withValue(budget) {
      #expect(throws: TensorError.self) { try MemoryBudget.reserve(shapes: [[Int.max, 2], [1, 1]], for: "x") }
      #expect(throws: TensorError.self) { try MemoryBudget.reserve(floats: Int.max, for: "x") }
    }
  }
}
