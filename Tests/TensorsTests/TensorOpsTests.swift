import Testing
@testable import Tensors

/// Tensor operations against scalar twins written out element by element.
@Suite struct TensorOpsTests {
  func random(_ shape: [Int], seed: UInt64) -> Tensor {
    var s = RandomStream(seed: seed)
    return Tensor.randomNormal(shape, stream: &s)
  }

  @Test(arguments: [([3, 4], [4]), ([3, 4], [3, 1]), ([3, 4], [1]), ([3, 4], []), ([2, 3, 4], [3, 1]),
                    ([1, 7], [5, 1]), ([65, 7], [65, 7])])
  func broadcastingMatchesScalarTwin(_ sa: [Int], _ sb: [Int]) throws {
    let a = random(sa, seed: 1), b = random(sb, seed: 2)
    let out = try a.applying(.sub, b)
    let shape = try Tensor.broadcastShape(sa, sb)
    #expect(out.shape == shape)
    // Twin: map each output index back to both operands by hand.
    func value(_ t: Tensor, _ index: [Int]) -> Float {
      let pad = index.count - t.rank
      let own = t.shape.enumerated().map { d, size in size == 1 ? 0 : index[pad + d] }
      return t.rank == 0 ? t.scalar! : t.element(at: own)
    }
    var index = [Int](repeating: 0, count: shape.count)
    for flat in 0..<out.count {
      var rem = flat
      for d in stride(from: shape.count - 1, through: 0, by: -1) { index[d] = rem % shape[d]; rem /= shape[d] }
      #expect(out.storage.pointer[flat] == value(a, index) - value(b, index))
    }
  }

  @Test func broadcastMismatchNamesBothShapes() {
    #expect(throws: TensorError("shapes 3x4 and 3 do not broadcast")) {
      try Tensor.zeros([3, 4]).applying(.add, Tensor.zeros([3]))
    }
  }

  @Test func reductionsAlongEachAxis() throws {
    let t = Tensor(shape: [2, 3], scalars: [1, 5, 3, 4, 2, 6])
    #expect(try t.reduced(.sum).scalar == 21)
    #expect(try t.reduced(.sum, axis: 0).scalars == [5, 7, 9])
    #expect(try t.reduced(.mean, axis: 1).scalars == [3, 4])
    #expect(try t.reduced(.max, axis: 1, keepDims: true).shape == [2, 1])
    #expect(try t.reduced(.argmax, axis: 1).scalars == [1, 2])
    #expect(try t.reduced(.min, axis: 0).scalars == [1, 2, 3])
    #expect(throws: TensorError.self) { try t.reduced(.sum, axis: 2) }
    #expect(throws: TensorError.self) { try Tensor.zeros([0]).reduced(.max) }
  }

  @Test func rowsColumnsAndTranspose() throws {
    let t = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
    #expect(try t.row(1).scalars == [3, 4])
    #expect(try t.rows(1..<3).shape == [2, 2])
    #expect(try t.columns(1..<2).scalars == [2, 4, 6])
    #expect(try t.transposed().scalars == [1, 3, 5, 2, 4, 6])
    #expect(try t.gatherRows([2, 0]).scalars == [5, 6, 1, 2])
    #expect(throws: TensorError("row 4 is out of range 1..3")) { try t.row(3) }
    let big = random([70, 33], seed: 9)
    let tt = try big.transposed().transposed()
    #expect(tt.scalars == big.scalars)
  }

  @Test func copyOnWriteKeepsCopiesApart() {
    var a = Tensor.zeros([2, 2])
    let b = a
    a[0, 0] = 5
    #expect(b[0, 0] == 0 && a[0, 0] == 5)
  }

  @Test func matmulChecksShapes() throws {
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let b = Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
    #expect(try a.matmul(b).scalars == [58, 64, 139, 154])
    #expect(try a.matmul(a, transposeB: true).scalars == [14, 32, 32, 77])
    #expect(throws: TensorError("shapes 2x3 and 2x3 do not line up")) { try a.matmul(a) }
  }

  @Test func descriptionElidesLargeTensors() {
    #expect(Tensor(shape: [2], scalars: [1, 0.25]).description == "tensor(2, float32)\n[1, 0.25]")
    let big = Tensor.zeros([100, 100]).description
    #expect(big.hasPrefix("tensor(100x100, float32)"))
    #expect(big.contains("..."))
    #expect(big.split(separator: "\n").count == 8)
  }
}
