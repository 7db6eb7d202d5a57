/// A tensor's place on the autodiff tape.
///
/// Operations record onto the tape only when an input requires a gradient: the result gets an
/// `Autograd` holding its inputs' records and a closure that maps the gradient of the result
/// to the gradients of the inputs. Leaves (tensors marked `requiresGrad`) accumulate `grad`.
public final class Autograd {
  /// Whether gradients flow to this tensor (leaves) or through it (results).
  public let requiresGrad: Bool
  /// The accumulated gradient of a leaf after `backward`.
  public var grad: Tensor?
  /// The records of the inputs (nil for inputs that need no gradient).
  let inputs: [Autograd?]
  /// The gradient of each input given the gradient of this result (nil: none needed).
  let backward: ((Tensor) throws -> [Tensor?])?
  /// What made it, for messages (`mul`, `matmul`).
  public let operation: String

  /// A leaf that requires a gradient.
  public init() {
    requiresGrad = true
    inputs = []
    backward = nil
    operation = "leaf"
  }

  init(operation: String, inputs: [Autograd?], backward: @escaping (Tensor) throws -> [Tensor?]) {
    requiresGrad = true
    self.operation = operation
    self.inputs = inputs
    self.backward = backward
  }

  public var isLeaf: Bool { backward == nil }

  /// Whether operations record (off inside `backward` and `withoutGradients`). Bound per
  /// task (per thread outside tasks), so one computation turning it off never affects another.
  @TaskLocal public static var isRecording = true

  /// Runs `body` without recording.
  public static func withoutGradients<R>(_ body: () throws -> R) rethrows -> R {
    try $isRecording.withValue(false) { try body() }
  }
}
