import Catalog
import Tensors

/// The element-wise mean of its inputs (of one shape): `nn.Average{a, b}`.
public final class Average: ElementwiseMerge, MergeLayer {
  public static let kind = "Average"
  public override init(name: String = "") { super.init(name: name) }

  public func build(inputShapes: [[Int]], random: inout RandomStream) throws -> [Int] {
    try buildSame(inputShapes, kind: Self.kind, count: inputCount)
  }

  public func forward(_ xs: [Tensor], training: Bool) throws -> Tensor {
    let (_, count) = try begin(xs, kind: Self.kind)
    let o = output.storage.pointer
    o.update(from: xs[0].storage.pointer, count: count)
    for x in xs.dropFirst() {
      let p = x.storage.pointer
      for i in 0..<count { o[i] += p[i] }
    }
    let scale = 1 / Float(xs.count)
    for i in 0..<count { o[i] *= scale }
    return output
  }

  /// Every input receives the output's gradient divided by the number of inputs.
  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> [Tensor] {
    let k = arity
    guard k > 0 else { throw LayerError("\(name): backward needs a forward pass first") }
    prepareGradients(1, shape: gradOutput.shape)
    let scale = 1 / Float(k), g = gradOutput.storage.pointer, d = gradInputs[0].storage.pointer
    for i in 0..<gradOutput.count { d[i] = g[i] * scale }
    return Array(repeating: gradInputs[0], count: k)
  }

  public func twin() throws -> Layer { Average(name: name) }

  static let entry = MergeLibrary.entry(Average.self, summary: "The element-wise mean of its inputs, of one shape: `nn.Average{a, b}`.") { a in Average(name: a.name) }
}
