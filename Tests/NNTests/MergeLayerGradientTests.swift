import Testing
@testable import NN
import Tensors

/// Every merge layer: forward by hand, and backward against central finite differences.
@Suite struct MergeLayerGradientTests {
  /// The input shapes each merge kind is checked on (per sample), and its options.
  static let cases: [(String, @Sendable () -> MergeLayer, [[Int]])] = [
    ("Add", { Add() }, [[3, 2], [3, 2], [3, 2]]),
    ("Subtract", { Subtract() }, [[4], [4]]),
    ("Multiply", { Multiply() }, [[4], [4], [4]]),
    ("Average", { Average() }, [[5], [5]]),
    ("Maximum", { Maximum() }, [[6], [6], [6]]),
    ("Concatenate", { Concatenate() }, [[2, 3], [2, 1], [2, 4]]),
    ("Concatenate", { Concatenate(axis: 1) }, [[2, 3], [1, 3]]),
    ("Concatenate", { Concatenate(axis: -2) }, [[1, 2], [3, 2]]),
  ]

  static let kinds = Set(cases.map(\.0))

  /// The finite-difference check of one merge kind (all its cases).
  static func check(_ kind: String) throws {
    for (k, make, shapes) in cases where k == kind {
      let layer = make()
      layer.name = kind.lowercased()
      var r = RandomStream(seed: 1)
      let out = try layer.build(inputShapes: shapes, random: &r)
      let n = 3
      let xs = shapes.enumerated().map { GraphSupport.random([n] + $1, seed: UInt64(10 + $0)) }
      let probe = GraphSupport.random([n] + out, seed: 99)
      let y = try layer.forward(xs, training: true)
      #expect(y.shape == [n] + out)
      let grads = try layer.backward(probe, accumulate: false).map(\.scalars)
      for (i, x) in xs.enumerated() {
        let numeric = try GraphSupport.numeric(x, eps: 1e-3) {
          GraphSupport.objective([try layer.forward(xs, training: true)], [probe])
        }
        let worst = GraphSupport.worst(grads[i], numeric)
        #expect(worst < 1e-2, "\(kind) \(shapes): input \(i + 1) gradient off by \(worst)")
      }
    }
  }

  @Test(arguments: Array(kinds).sorted())
  func finiteDifferences(_ kind: String) throws { try Self.check(kind) }

  @Test func forwardValues() throws {
    let a = Tensor(shape: [1, 3], scalars: [1, -2, 3]), b = Tensor(shape: [1, 3], scalars: [4, 5, -6])
    var r = RandomStream(seed: 0)
    func run(_ l: MergeLayer) throws -> [Float] {
      _ = try l.build(inputShapes: [[3], [3]], random: &r)
      return try l.forward([a, b], training: false).scalars
    }
    #expect(try run(Add()) == [5, 3, -3])
    #expect(try run(Subtract()) == [-3, -7, 9])
    #expect(try run(Multiply()) == [4, -10, -18])
    #expect(try run(Average()) == [2.5, 1.5, -1.5])
    #expect(try run(Maximum()) == [4, 5, 3])
    #expect(try run(Concatenate()) == [1, -2, 3, 4, 5, -6])
  }

  @Test func shapeErrorsNameTheLayerAndTheShapes() throws {
    var r = RandomStream(seed: 0)
    let add = Add(name: "sum")
    #expect(throws: LayerError.self) { _ = try add.build(inputShapes: [[4], [5]], random: &r) }
    do { _ = try add.build(inputShapes: [[4], [5]], random: &r) } catch let e as LayerError {
      #expect(e.message.contains("sum (Add)") && e.message.contains("(4)") && e.message.contains("(5)"), "\(e.message)")
    }
    let cat = Concatenate(name: "join")
    do {
      _ = try cat.build(inputShapes: [[2, 3], [4, 3]], random: &r)
      Issue.record("Concatenate on the last axis accepted (2, 3) and (4, 3)")
    } catch let e as LayerError {
      #expect(e.message.contains("join (Concatenate)") && e.message.contains("(2, 3)") && e.message.contains("(4, 3)"), "\(e.message)")
    }
    do {
      _ = try Subtract(name: "d").build(inputShapes: [[2], [2], [2]], random: &r)
      Issue.record("Subtract accepted three inputs")
    } catch let e as LayerError { #expect(e.message.contains("exactly 2"), "\(e.message)") }
  }
}
