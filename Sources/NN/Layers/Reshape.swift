import Catalog
import Tensors

/// Gives each sample a new shape with the same number of values, as Keras's Reshape:
/// `target_shape` is per sample (the batch axis stays), and one size may be -1, worked out from
/// the rest. The values are shared, not copied.
public final class Reshape: Layer {
  public static let kind = "Reshape"
  public var name: String
  public let targetShape: [Int]
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  public private(set) var isBuilt = false
  private var inputShape: [Int] = []

  public init(targetShape: [Int], name: String = "") throws {
    guard !targetShape.isEmpty, targetShape.allSatisfy({ $0 > 0 || $0 == -1 }), targetShape.filter({ $0 == -1 }).count <= 1 else {
      throw LayerError("Reshape: target_shape must be positive sizes with at most one -1, got \(Self.written(targetShape))")
    }
    self.targetShape = targetShape
    self.name = name
  }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    let size = inputShape.reduce(1, *)
    var shape = targetShape
    let known = targetShape.filter { $0 != -1 }.reduce(1, *)
    if let free = shape.firstIndex(of: -1) {
      guard known > 0, size % known == 0 else {
        throw LayerError("\(name): cannot reshape \(describeShape(inputShape)) (\(size) values per sample) to \(Self.written(targetShape)): \(size) is not a multiple of \(known)")
      }
      shape[free] = size / known
    } else if known != size {
      throw LayerError("\(name): cannot reshape \(describeShape(inputShape)) (\(size) values per sample) to \(Self.written(targetShape)) (\(known) values)")
    }
    self.inputShape = inputShape
    outputShape = shape
    isBuilt = true
    return shape
  }

  /// A shape as a script writes it: `{5, -1}`.
  static func written(_ shape: [Int]) -> String { "{" + shape.map(String.init).joined(separator: ", ") + "}" }

  public var parameters: [Weight] { [] }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard isBuilt, x.rank >= 1, Array(x.shape.dropFirst()) == inputShape else {
      throw LayerError("\(name) expects inputs of shape \(describeShape([-1] + inputShape)), got \(describeShape(x.shape))")
    }
    return Tensor(shape: [x.shape[0]] + outputShape, storage: x.storage)
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    guard gradOutput.rank >= 1, Array(gradOutput.shape.dropFirst()) == outputShape else {
      throw LayerError("\(name): backward expects a gradient of shape \(describeShape([-1] + outputShape)), got \(describeShape(gradOutput.shape))")
    }
    guard needsInputGradient else { return Tensor.released }
    return Tensor(shape: [gradOutput.shape[0]] + inputShape, storage: gradOutput.storage)
  }

  public var config: [String: Any] { ["target_shape": targetShape] }

  static let entry = Entry(
    module: "nn", name: kind, summary: "Gives each sample the shape target_shape (same number of values; one size may be -1), as Keras.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let target = d.parameter("target_shape", [Int].self, "the shape of one sample, e.g. {4, -1}", as: .list(.integer))
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in try Reshape(targetShape: a[target], name: a[name]) }
  }
}
