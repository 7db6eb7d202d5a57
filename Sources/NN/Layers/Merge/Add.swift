import Catalog
import Tensors

/// The sum of its inputs (of one shape): a residual connection, `nn.Add{h, r}`.
public final class Add: ElementwiseMerge, MergeLayer {
  public static let kind = "Add"
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
    return output
  }

  /// Every input receives the output's gradient as it is.
  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> [Tensor] {
    Array(repeating: gradOutput, count: arity)
  }

  public func twin() throws -> Layer { Add(name: name) }

  static let entry = MergeLibrary.entry(Add.self, summary: "The sum of its inputs, of one shape: `h = nn.Add{h, r}` (a residual connection).") { a in Add(name: a.name) }
}
