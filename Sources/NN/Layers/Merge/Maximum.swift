import Catalog
import Tensors

/// The element-wise maximum of its inputs (of one shape): `nn.Maximum{a, b}`. The gradient
/// goes to the input holding the maximum (the first of equal ones).
public final class Maximum: ElementwiseMerge, MergeLayer {
  public static let kind = "Maximum"
  public override init(name: String = "") { super.init(name: name) }
  /// For each value, which input held the maximum.
  private var winner: [Int32] = []

  public func build(inputShapes: [[Int]], random: inout RandomStream) throws -> [Int] {
    try buildSame(inputShapes, kind: Self.kind, count: inputCount)
  }

  public func forward(_ xs: [Tensor], training: Bool) throws -> Tensor {
    let (_, count) = try begin(xs, kind: Self.kind)
    let o = output.storage.pointer
    o.update(from: xs[0].storage.pointer, count: count)
    if winner.count != count { winner = Array(repeating: 0, count: count) }
    for i in 0..<count { winner[i] = 0 }
    for (k, x) in xs.enumerated().dropFirst() {
      let p = x.storage.pointer
      for i in 0..<count where p[i] > o[i] { o[i] = p[i]; winner[i] = Int32(k) }
    }
    return output
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> [Tensor] {
    let k = arity, count = gradOutput.count
    guard k > 0, winner.count == count else { throw LayerError("\(name): backward needs a forward pass first") }
    prepareGradients(k, shape: gradOutput.shape)
    let g = gradOutput.storage.pointer
    let outs = gradInputs.map { $0.storage.pointer }
    for d in outs { d.update(repeating: 0, count: count) }
    for i in 0..<count { outs[Int(winner[i])][i] = g[i] }
    return gradInputs
  }

  public func twin() throws -> Layer { Maximum(name: name) }

  static let entry = MergeLibrary.entry(Maximum.self, summary: "The element-wise maximum of its inputs, of one shape: `nn.Maximum{a, b}` (the gradient goes to the larger).") { a in Maximum(name: a.name) }
}
