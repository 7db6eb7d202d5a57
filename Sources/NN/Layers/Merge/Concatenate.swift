import Catalog
import Tensors

/// Its inputs joined along one axis of the per-sample shape (Keras numbering: -1 the last,
/// 1 the first after the samples axis): `nn.Concatenate{a, b}`. The other sizes must agree.
public final class Concatenate: MergeLayer {
  public static let kind = "Concatenate"
  public var name: String
  public let axis: Int
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  public private(set) var inputShapes: [[Int]] = []
  public var isBuilt: Bool { !inputShapes.isEmpty }
  /// The axis counted from 0 within the per-sample shape, once built.
  private var sampleAxis = 0
  private var output = Tensor.zeros([0])
  private var gradInputs: [Tensor] = []

  public init(axis: Int = -1, name: String = "") {
    self.axis = axis
    self.name = name
  }

  public func build(inputShapes shapes: [[Int]], random: inout RandomStream) throws -> [Int] {
    guard shapes.count >= 2 else { throw LayerError("\(name) (Concatenate) takes at least 2 inputs, got \(shapes.count)") }
    let rank = shapes[0].count
    guard shapes.allSatisfy({ $0.count == rank }) else {
      throw LayerError("\(name) (Concatenate) needs inputs of one rank, got \(describeShapes(shapes))")
    }
    // Keras's axis counts the samples axis as 0: 1...rank within a sample, -1 the last.
    let a = axis < 0 ? rank + axis : axis - 1
    guard a >= 0, a < rank else {
      throw LayerError("\(name) (Concatenate): axis \(axis) is outside inputs of shape \(describeSample(shapes[0])) per sample (1...\(rank) or -\(rank)...-1)")
    }
    for s in shapes.dropFirst() {
      for d in 0..<rank where d != a && s[d] != shapes[0][d] {
        throw LayerError("\(name) (Concatenate) along axis \(axis) needs the other sizes to agree, got \(describeShapes(shapes))")
      }
    }
    if isBuilt, shapes != inputShapes {
      throw LayerError("\(name) (Concatenate) was built for \(describeShapes(inputShapes)), got \(describeShapes(shapes))")
    }
    sampleAxis = a
    inputShapes = shapes
    var out = shapes[0]
    out[a] = shapes.reduce(0) { $0 + $1[a] }
    outputShape = out
    return out
  }

  /// Per input, the values of one contiguous block (from the axis on), and the blocks per batch.
  private func blocks(rows n: Int) -> (widths: [Int], outer: Int) {
    let inner = inputShapes[0][(sampleAxis + 1)...].reduce(1, *)
    let outer = n * inputShapes[0][..<sampleAxis].reduce(1, *)
    return (inputShapes.map { $0[sampleAxis] * inner }, outer)
  }

  public func forward(_ xs: [Tensor], training: Bool) throws -> Tensor {
    guard isBuilt, xs.count == inputShapes.count, zip(xs, inputShapes).allSatisfy({ Array($0.shape.dropFirst()) == $1 }) else {
      throw LayerError("\(name) (Concatenate) was built for \(describeShapes(inputShapes)) per sample, got \(describeShapes(xs.map(\.shape)))")
    }
    let n = xs[0].shape[0]
    Tensor.prepare(&output, shape: [n] + outputShape)
    let (widths, outer) = blocks(rows: n)
    let total = widths.reduce(0, +)
    let o = output.storage.pointer
    var offset = 0
    for (x, w) in zip(xs, widths) {
      let p = x.storage.pointer
      for r in 0..<outer { (o + r * total + offset).update(from: p + r * w, count: w) }
      offset += w
    }
    return output
  }

  /// Each input's gradient is its slice of the output's.
  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> [Tensor] {
    let n = gradOutput.shape.first ?? 0
    guard isBuilt, gradOutput.shape == [n] + outputShape else {
      throw LayerError("\(name) (Concatenate): a gradient of shape \(describeShape(gradOutput.shape)) for outputs of \(describeSample(outputShape)) per sample")
    }
    if gradInputs.count != inputShapes.count { gradInputs = Array(repeating: Tensor.released, count: inputShapes.count) }
    let (widths, outer) = blocks(rows: n)
    let total = widths.reduce(0, +)
    let g = gradOutput.storage.pointer
    var offset = 0
    for k in 0..<inputShapes.count {
      Tensor.prepare(&gradInputs[k], shape: [n] + inputShapes[k])
      let d = gradInputs[k].storage.pointer, w = widths[k]
      for r in 0..<outer { (d + r * w).update(from: g + r * total + offset, count: w) }
      offset += w
    }
    return gradInputs
  }

  public var config: [String: Any] { ["axis": axis] }

  public func twin() throws -> Layer { Concatenate(axis: axis, name: name) }

  static let entry = MergeLibrary.entry(
    Concatenate.self, summary: "Its inputs joined along one axis (Keras numbering: -1 the last, the default): `nn.Concatenate{a, b}`; the other sizes must agree.",
    axis: true) { a in Concatenate(axis: a.axis, name: a.name) }
}
