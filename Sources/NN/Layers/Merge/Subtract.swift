import Catalog
import Tensors

/// The first input minus the second: `nn.Subtract{a, b}`.
public final class Subtract: ElementwiseMerge, MergeLayer {
  public static let kind = "Subtract"
  public override init(name: String = "") { super.init(name: name) }
  public var inputCount: ClosedRange<Int> { 2...2 }

  public func build(inputShapes: [[Int]], random: inout RandomStream) throws -> [Int] {
    try buildSame(inputShapes, kind: Self.kind, count: inputCount)
  }

  public func forward(_ xs: [Tensor], training: Bool) throws -> Tensor {
    guard xs.count == 2 else { throw LayerError("\(name) (Subtract) takes exactly 2 inputs, got \(xs.count)") }
    let (_, count) = try begin(xs, kind: Self.kind)
    let o = output.storage.pointer, a = xs[0].storage.pointer, b = xs[1].storage.pointer
    for i in 0..<count { o[i] = a[i] - b[i] }
    return output
  }

  /// d/da = g, d/db = -g.
  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> [Tensor] {
    prepareGradients(1, shape: gradOutput.shape)
    let g = gradOutput.storage.pointer, d = gradInputs[0].storage.pointer
    for i in 0..<gradOutput.count { d[i] = -g[i] }
    return [gradOutput, gradInputs[0]]
  }

  public func twin() throws -> Layer { Subtract(name: name) }

  static let entry = MergeLibrary.entry(Subtract.self, summary: "The first input minus the second, of one shape: `nn.Subtract{a, b}`.") { a in Subtract(name: a.name) }
}
