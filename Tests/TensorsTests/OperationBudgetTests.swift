import Foundation
import Testing
@testable import Tensors

/// Operations whose result can outgrow their operands ask the run's budget before allocating:
/// a refused result takes no memory (the process's peak stays where it was).
@Suite(.serialized) struct OperationBudgetTests {
  /// The process's peak resident memory, in bytes.
  func peakBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
  }

  func refusal(_ body: () throws -> Tensor) -> String? {
    let budget = MemoryBudget(limit: 200_000_000)
    return MemoryBudget.$current.withValue(budget) { () -> String? in
      do { _ = try body(); return nil } catch { return (error as? TensorError)?.message }
    }
  }

  @Test func aBroadcastBeyondTheBudgetIsRefusedBeforeAllocating() {
    let a = Tensor.ones([16384, 1]), b = Tensor.ones([1, 16384])
    let peak = peakBytes()
    let message = refusal { try a + b }
    #expect(message?.contains("the broadcast of 16384x1 and 1x16384 needs 1073741824 bytes") == true, "\(message ?? "no error")")
    #expect(message?.hasSuffix("memory limit exceeded") == true)
    #expect(peakBytes() - peak < 500 << 20)
  }

  @Test func aProductBeyondTheBudgetIsRefusedBeforeAllocating() {
    let a = Tensor.ones([16384, 1]), b = Tensor.ones([1, 16384])
    let peak = peakBytes()
    let message = refusal { try a.matmul(b) }
    #expect(message?.contains("the 16384 x 16384 product needs 1073741824 bytes") == true, "\(message ?? "no error")")
    #expect(peakBytes() - peak < 500 << 20)
  }

  @Test func gathersAndConcatenationsAskToo() {
    let row = Tensor.ones([1, 4096])
    #expect(refusal { try row.gatherRows([Int](repeating: 0, count: 16384)) }?.hasSuffix("memory limit exceeded") == true)
    #expect(refusal { try Tensor.concatenateRows([Tensor](repeating: row, count: 16384)) }?.hasSuffix("memory limit exceeded") == true)
  }

  @Test func resultsWithinTheBudgetAreMade() throws {
    let a = Tensor.ones([100, 1]), b = Tensor.ones([1, 100])
    #expect(refusal { try a + b } == nil)
    #expect(refusal { try a.matmul(b) } == nil)
  }
}
