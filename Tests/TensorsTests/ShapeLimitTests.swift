import Testing
@testable import Tensors

/// Shapes whose element count overflows Int, and counts computed from numbers that are not
/// finite, are errors naming what was given (they used to trap).
@Suite struct ShapeLimitTests {
  func message(_ body: () throws -> Any) -> String? {
    do { _ = try body(); return nil } catch let e as TensorError { return e.message } catch { return "\(error)" }
  }

  @Test func elementCountRefusesOverflowAndNegatives() {
    #expect(Tensor.elementCount([]) == 1)
    #expect(Tensor.elementCount([3, 0, 5]) == 0)
    #expect(Tensor.elementCount([2, 3, 4]) == 24)
    #expect(Tensor.elementCount([1 << 17, 1 << 17]) == Tensor.maxElements)
    #expect(Tensor.elementCount([1 << 17, (1 << 17) + 1]) == nil)
    #expect(Tensor.elementCount([1 << 62, 4]) == nil)
    #expect(Tensor.elementCount([1 << 62, 4, 0]) == nil)  // the overflow comes before the zero
    #expect(Tensor.elementCount([2, -1]) == nil)
  }

  @Test func reshapeToAnOverflowingShapeIsAnError() {
    #expect(message { try Tensor.zeros([2, 2]).reshaped([1 << 62, 4]) } == "cannot reshape 2x2 (4 values) to 4611686018427387904x4")
    #expect(message { try Tensor.zeros([2, 2]).reshaped([1 << 62, 4, 0]) } == "cannot reshape 2x2 (4 values) to 4611686018427387904x4x0")
  }

  @Test func eyeOfAHugeSizeIsAnError() {
    #expect(message { try Tensor.eye(1 << 40) } == "shape 1099511627776x1099511627776 is too large (more than 17179869184 values)")
    #expect(message { try Tensor.eye(3) } == nil)
  }

  @Test func arangeNeedsFiniteBoundsAndACountThatFits() throws {
    #expect(message { try Tensor.arange(0, .infinity) } == "start, stop and step must be finite numbers, got 0, inf, 1")
    #expect(message { try Tensor.arange(0, .nan) } == "start, stop and step must be finite numbers, got 0, nan, 1")
    #expect(message { try Tensor.arange(0, 1e30) }?.hasSuffix("more than a tensor holds (17179869184)") == true)
    #expect(try Tensor.arange(0, 1, step: 0.25).scalars == [0, 0.25, 0.5, 0.75])
    #expect(try Tensor.arange(5, 0, step: -2).scalars == [5, 3, 1])
    #expect(try Tensor.arange(0, 0.3, step: 0.1).count == 3)  // the count is computed in float32, as before
    #expect(message { try Tensor.arange(-3e38, 3e38) }?.hasSuffix("more than a tensor holds (17179869184)") == true)
  }
}
