import Testing
import TestSupport
@testable import NN
import Tensors

/// Hinge against Keras's definition, worked by hand: mean over cells of max(0, 1 − t·o) with
/// 0 targets read as −1; sample weights as Keras's sum-over-batch-size reduction.
@Suite struct HingeTests {
  // Margins 1 − t·o: row 1 (0.7, −1, −0.5), row 2 (0.5, 0.2, 0 — on the kink).
  let outputs = Tensor(shape: [2, 3], scalars: [0.3, -2, 1.5, -0.5, 0.8, 1])
  let targets = Tensor(shape: [2, 3], scalars: [1, 0, 1, 0, 1, 1])

  @Test func valueAndGradientAsKeras() throws {
    var grad = Tensor.zeros([2, 3])
    let value = try grad.withUnsafeMutableBufferPointer {
      try Hinge().compute(outputs, targets, sampleWeights: nil, gradient: $0.baseAddress)
    }
    #expect(abs(value - 1.4 / 6) < 1e-7)
    let sixth = Float(1.0 / 6)
    #expect(grad.scalars == [-sixth, 0, 0, sixth, -sixth, 0])
  }

  @Test func minusOneTargetsEqualZeroTargets() throws {
    let signed = Tensor(shape: [2, 3], scalars: [1, -1, 1, -1, 1, 1])
    #expect(try Hinge().compute(outputs, signed, sampleWeights: nil, gradient: nil)
            == Hinge().compute(outputs, targets, sampleWeights: nil, gradient: nil))
  }

  @Test func sampleWeights() throws {
    let w = Tensor(shape: [2], scalars: [2, 0.5])
    let value = try Hinge().compute(outputs, targets, sampleWeights: w, gradient: nil)
    #expect(abs(value - (2 * 0.7 / 3 + 0.5 * 0.7 / 3) / 2) < 1e-7)
  }

  @Test func compileFindsItByName() throws {
    #expect(try LossLibrary.named("hinge", in: nnSession().catalog) is Hinge)
  }
}
