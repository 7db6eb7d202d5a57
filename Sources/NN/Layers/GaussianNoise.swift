import Catalog
import Tensors

/// Adds zero-mean Gaussian noise of standard deviation `stddev` to every value in training
/// (a regulariser, as Keras's GaussianNoise); at inference it passes values through. The
/// noise does not depend on the input, so the gradient passes through unchanged.
public final class GaussianNoise: Layer {
  public static let kind = "GaussianNoise"
  public var name: String
  public let stddev: Float
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  public private(set) var isBuilt = false
  private var random = RandomStream(seed: 0)
  private var output = Tensor.zeros([0])

  public init(stddev: Float, name: String = "") {
    self.stddev = stddev
    self.name = name
  }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    outputShape = inputShape
    isBuilt = true
    self.random = random.derived("\(name)/noise")
    return inputShape
  }

  public func seed(_ stream: RandomStream) { random = stream.derived("\(name)/noise") }

  public var randomStream: RandomStream? { random }

  public func restoreRandomStream(_ stream: RandomStream) { random = stream }

  public var parameters: [Weight] { [] }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard training, stddev > 0 else { return x }
    Tensor.prepare(&output, shape: x.shape)
    let o = output.storage.pointer, p = x.storage.pointer
    for i in 0..<x.count { o[i] = p[i] + stddev * random.normal() }
    return output
  }

  /// d(x + noise)/dx = 1.
  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor { gradOutput }

  public var config: [String: Any] { ["stddev": Double(stddev)] }

  static let entry = Entry(
    module: "nn", name: kind, summary: "Adds Gaussian noise N(0, stddev²) to every value in training (Keras's GaussianNoise); passes values through at inference.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let stddev = d.parameter("stddev", Float.self, "standard deviation of the noise", as: .numberAtLeast(0))
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in try GaussianNoise(stddev: a[stddev], name: a[name]) }
  }
}
