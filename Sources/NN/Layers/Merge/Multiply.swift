import Catalog
import Tensors

/// The element-wise product of its inputs (of one shape): `nn.Multiply{a, b}`.
public final class Multiply: ElementwiseMerge, MergeLayer {
  public static let kind = "Multiply"
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
      for i in 0..<count { o[i] *= p[i] }
    }
    inputs = training ? xs : []
    return output
  }

  /// The gradient for input k: g times the product of the other inputs.
  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> [Tensor] {
    guard !inputs.isEmpty, inputs[0].shape == gradOutput.shape else {
      throw LayerError("\(name): backward needs a training forward pass first")
    }
    let count = gradOutput.count, g = gradOutput.storage.pointer
    prepareGradients(inputs.count, shape: gradOutput.shape)
    for (k, d) in gradInputs.enumerated() {
      let out = d.storage.pointer
      out.update(from: g, count: count)
      for (j, x) in inputs.enumerated() where j != k {
        let p = x.storage.pointer
        for i in 0..<count { out[i] *= p[i] }
      }
    }
    inputs = []
    return gradInputs
  }

  public func twin() throws -> Layer { Multiply(name: name) }

  static let entry = MergeLibrary.entry(Multiply.self, summary: "The element-wise product of its inputs, of one shape: `nn.Multiply{a, b}`.") { a in Multiply(name: a.name) }
}
