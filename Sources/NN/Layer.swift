import Tensors

/// One stage of a network, in the shape every layer shares: forward beside backward.
///
/// Layers work on batches: a tensor of shape `[n] + shape`, where `shape` is the per-sample
/// shape (`[features]` for vectors, `[steps, channels]` for sequences, `[height, width,
/// channels]` for images, channels last as Keras). `forward` keeps what `backward` needs;
/// `backward` takes the gradient of the loss with respect to the layer's output, accumulates
/// its parameters' gradients and returns the gradient with respect to its input.
public protocol Layer: AnyObject {
  /// The type's name as scripts write it (`Dense`).
  static var kind: String { get }
  /// This layer's name in the model (`dense_1`), unique within it.
  var name: String { get set }
  /// Creates parameters for inputs of the per-sample shape `inputShape` and returns the
  /// per-sample output shape. Building again for the same shape keeps the parameters; for
  /// another shape it is an error naming the layer and both shapes.
  func build(inputShape: [Int], random: inout RandomStream) throws -> [Int]
  var isBuilt: Bool { get }
  /// The per-sample output shape (valid once built).
  var outputShape: [Int] { get }
  func forward(_ x: Tensor, training: Bool) throws -> Tensor
  /// With `accumulate`, parameter gradients are added to; without, overwritten (the training
  /// loop's choice: it saves zeroing them every step).
  func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor
  /// Whether backward must compute the input gradient (false for a model's first layer).
  var needsInputGradient: Bool { get set }
  /// The trainable and non-trainable tensors, in a fixed order (W then b for Dense).
  var parameters: [Weight] { get }
  /// Tensors saved with the model but not trained (BatchNormalization's running statistics).
  var state: [Weight] { get }
  /// The options that rebuild this layer, for saving (JSON-compatible values).
  var config: [String: Any] { get }
  /// The `nn` entry that builds this layer, under which a model file stores it (the kind, for
  /// the built-in layers).
  var entryName: String { get }
  /// Seeds a layer's own randomness (dropout masks) from the model's stream.
  func seed(_ stream: RandomStream)
  /// Where the layer's own random stream stands (nil: it has none), for training checkpoints.
  var randomStream: RandomStream? { get }
  /// Puts the layer's own random stream where a checkpoint left it.
  func restoreRandomStream(_ stream: RandomStream)
  /// A new layer object of the same kind, name and options holding the SAME weight objects
  /// (once this one is built) with buffers of its own: what a graph model runs where one layer
  /// is applied to several nodes (a shared layer). Gradients of every application land on the
  /// shared weights.
  func twin() throws -> Layer
}

extension Layer {
  /// Values per sample out of this layer (the product of `outputShape`).
  public var outputSize: Int { outputShape.reduce(1, *) }
  /// Builds for vectors of `inputSize` features; returns the values per sample out.
  public func build(inputSize: Int, random: inout RandomStream) throws -> Int {
    try build(inputShape: [inputSize], random: &random).reduce(1, *)
  }
  public var state: [Weight] { [] }
  public var entryName: String { Self.kind }
  public func seed(_ stream: RandomStream) {}
  public var randomStream: RandomStream? { nil }
  public func restoreRandomStream(_ stream: RandomStream) {}
  public func twin() throws -> Layer {
    throw LayerError("\(name) (\(Self.kind)) cannot be shared: apply it to one node only")
  }
}

/// A layer error phrased for the script's author.
public struct LayerError: Error, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

