import Tensors

/// A layer that takes several nodes (Keras's merge layers: Add, Concatenate, ...): built for a
/// list of per-sample shapes, forward on one tensor per input, backward returning one gradient
/// per input. Graph models call these; in a Sequential stack they are an error.
public protocol MergeLayer: Layer {
  /// How many inputs it takes at least (2 for all; Subtract takes exactly 2).
  var inputCount: ClosedRange<Int> { get }
  /// Checks the shapes (an error names the layer and every shape) and returns the output's.
  func build(inputShapes: [[Int]], random: inout RandomStream) throws -> [Int]
  func forward(_ xs: [Tensor], training: Bool) throws -> Tensor
  /// The gradient with respect to each input, in order.
  func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> [Tensor]
}

extension MergeLayer {
  public var inputCount: ClosedRange<Int> { 2...Int.max }
  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    throw LayerError("\(name) (\(Self.kind)) merges several nodes: call it on a list of nodes in a graph model (nn.\(Self.kind){a, b})")
  }
  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    throw LayerError("\(name) (\(Self.kind)) merges several nodes: call it on a list of nodes in a graph model")
  }
  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    throw LayerError("\(name) (\(Self.kind)) merges several nodes: call it on a list of nodes in a graph model")
  }
  public var parameters: [Weight] { [] }
  public var config: [String: Any] { [:] }
}

/// A per-sample shape as errors about nodes write it: `(4)`, `(32, 32, 3)`.
func describeSample(_ shape: [Int]) -> String { "(" + shape.map(String.init).joined(separator: ", ") + ")" }

/// Describes shapes for a merge layer's errors: `(4), (5)`.
func describeShapes(_ shapes: [[Int]]) -> String { shapes.map(describeSample).joined(separator: ", ") }

/// What the element-wise merges (Add, Subtract, Multiply, Average, Maximum) share: inputs of
/// one shape, an output of that shape, buffers kept between forward and backward.
public class ElementwiseMerge {
  public var name: String
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  public private(set) var isBuilt = false
  /// The inputs of the last forward (Multiply and Maximum read them backward).
  var inputs: [Tensor] = []
  var output = Tensor.zeros([0])
  var gradInputs: [Tensor] = []
  /// How many inputs the last forward had.
  var arity = 0

  public init(name: String) { self.name = name }

  func buildSame(_ shapes: [[Int]], kind: String, count: ClosedRange<Int>) throws -> [Int] {
    guard count.contains(shapes.count) else {
      let expected = count.upperBound == count.lowerBound ? "exactly \(count.lowerBound)" : "at least \(count.lowerBound)"
      throw LayerError("\(name) (\(kind)) takes \(expected) inputs, got \(shapes.count)")
    }
    guard let first = shapes.first, shapes.allSatisfy({ $0 == first }) else {
      throw LayerError("\(name) (\(kind)) needs inputs of one shape, got \(describeShapes(shapes))")
    }
    if isBuilt, first != outputShape {
      throw LayerError("\(name) (\(kind)) was built for inputs of shape \(describeSample(outputShape)), got \(describeSample(first))")
    }
    outputShape = first
    isBuilt = true
    return first
  }

  /// Checks a forward's inputs and prepares the output buffer.
  func begin(_ xs: [Tensor], kind: String) throws -> (n: Int, count: Int) {
    guard let first = xs.first, xs.allSatisfy({ $0.shape == first.shape }) else {
      throw LayerError("\(name) (\(kind)) needs inputs of one shape, got \(describeShapes(xs.map(\.shape)))")
    }
    Tensor.prepare(&output, shape: first.shape)
    arity = xs.count
    return (first.shape.first ?? 0, first.count)
  }

  /// Makes `gradInputs` hold `k` buffers of `shape`.
  func prepareGradients(_ k: Int, shape: [Int]) {
    if gradInputs.count != k { gradInputs = Array(repeating: Tensor.released, count: k) }
    for i in 0..<k { Tensor.prepare(&gradInputs[i], shape: shape) }
  }
}
