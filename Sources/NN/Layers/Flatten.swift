import Catalog
import Tensors

/// Flattens each sample to one axis: `[n, d1, d2, ...] → [n, d1·d2·...]`, as Keras's Flatten
/// (channels last, so the values keep their row-major order). The values are shared, not copied.
public final class Flatten: Layer {
  public static let kind = "Flatten"
  public var name: String
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  public private(set) var isBuilt = false
  private var inputShape: [Int] = []

  public init(name: String = "") { self.name = name }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    self.inputShape = inputShape
    outputShape = [inputShape.reduce(1, *)]
    isBuilt = true
    return outputShape
  }

  public var parameters: [Weight] { [] }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard isBuilt, x.rank >= 1, Array(x.shape.dropFirst()) == inputShape else {
      throw LayerError("\(name) expects inputs of shape \(describeShape([-1] + inputShape)), got \(describeShape(x.shape))")
    }
    return Tensor(shape: [x.shape[0]] + outputShape, storage: x.storage)
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    guard gradOutput.rank == 2, gradOutput.shape[1] == outputShape.first else {
      throw LayerError("\(name): backward expects a gradient of shape \(describeShape([-1] + outputShape)), got \(describeShape(gradOutput.shape))")
    }
    guard needsInputGradient else { return Tensor.released }
    return Tensor(shape: [gradOutput.shape[0]] + inputShape, storage: gradOutput.storage)
  }

  public var config: [String: Any] { [:] }

  static let entry = Entry(
    module: "nn", name: kind, summary: "Flattens each sample: [n, d1, d2, ...] → [n, d1·d2·...], as Keras.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in Flatten(name: try a[name]) }
  }
}
