import Catalog
import Tensors

/// A model as scripts hold it: the network plus what it was compiled with, for saving.
public final class Model: CatalogObject {
  public static let typeName = "Model"
  public let network: Sequential
  /// The compile options as given (loss and optimizer configuration), kept for the file.
  public var compileConfig: [String: Any] = [:]
  /// Metric names asked for at compile time.
  public var metrics: [String] = []
  /// The model's name (`nn.Model{name =}`).
  public var name = "sequential"
  /// A graph model's metric names per output and loss weights, as compiled (for the file).
  public var outputMetrics: [[String]] = []
  public var lossWeights: [Double] = []

  public init(_ network: Sequential) { self.network = network }

  public static var properties: [Property] {
    [Property("input_dim", .integer, "features per sample in (0 until known)"),
     Property("output_dim", .integer, "values per sample out (0 until built)"),
     Property("layers", .list(.object("Layer")), "the layers, in order"),
     Property("stop_training", .bool, "whether training stops after this batch; a callback may set it (as Keras's)", settable: true),
     Property("inputs", .list(.string), "a graph model's input names, in order (empty for nn.Sequential)"),
     Property("outputs", .list(.string), "a graph model's output names, in order (empty for nn.Sequential)"),
     Property("name", .string, "the model's name")]
  }

  public func setProperty(_ name: String, to value: Value) throws {
    guard name == "stop_training", case .bool(let stop) = value else { throw CatalogError("field '\(name)' of a Model cannot be set") }
    network.stopTraining = stop
  }

  public func property(_ name: String) -> Value? {
    switch name {
    case "input_dim": return .integer(network.inputSize ?? 0)
    case "output_dim": return .integer(network.outputSize ?? 0)
    case "layers": return .list(network.layers.map { .object(LayerObject($0)) })
    case "stop_training": return .bool(network.stopTraining)
    case "inputs": return .list((network.graph?.inputNames ?? []).map { .string($0) })
    case "outputs": return .list((network.graph?.outputNames ?? []).map { .string($0) })
    case "name": return .string(self.name)
    default: return nil
    }
  }
}

extension Optimizer: CatalogObject {
  public static var typeName: String { "Optimizer" }
  public static var properties: [Property] {
    [Property("lr", .number, "the current learning rate"),
     Property("initial_lr", .number, "the configured rate (the lr option or set_lr), which schedules scale"),
     Property("kind", .string, "the optimizer type (Adam, SGD, ...)"),
     Property("iterations", .integer, "steps taken")]
  }
  public func property(_ name: String) -> Value? {
    switch name {
    case "lr": return .number(learningRate)
    case "initial_lr": return .number(initialLearningRate)
    case "kind": return .string(Swift.type(of: self).kind)
    case "iterations": return .integer(steps)
    default: return nil
    }
  }
}

/// A loss as scripts hold it (`losses.BinaryCrossentropy{...}`).
public final class LossObject: CatalogObject {
  public static let typeName = "Loss"
  public let loss: Loss
  public init(_ loss: Loss) { self.loss = loss }
  public static var properties: [Property] { [Property("name", .string, "the loss's name")] }
  public func property(_ name: String) -> Value? { name == "name" ? .string(type(of: loss).kind) : nil }
}

/// A callback as scripts hold it (`callbacks.EarlyStopping{...}`).
public final class CallbackObject: CatalogObject {
  public static let typeName = "Callback"
  public let callback: Callback
  public let kind: String
  public init(_ callback: Callback, kind: String) { self.callback = callback; self.kind = kind }
  public static var properties: [Property] { [Property("kind", .string, "the callback type")] }
  public func property(_ name: String) -> Value? { name == "kind" ? .string(kind) : nil }
}

/// Conversions the bindings share.
enum Convert {
  /// A 2-D tensor from a tensor argument (a vector becomes a column).
  static func matrix(_ t: Tensor, _ what: String) throws -> Tensor {
    if t.rank == 2 { return t }
    if t.rank == 1 { return try t.reshaped([t.count, 1]) }
    throw CatalogError("\(what) must be a matrix (samples x values), got shape \(describeShape(t.shape))")
  }

  /// A batch of samples from a tensor argument: samples first, any shape after (images are
  /// samples x height x width x channels); a vector becomes a column.
  static func batch(_ t: Tensor, _ what: String) throws -> Tensor {
    if t.rank >= 2 { return t }
    if t.rank == 1 { return try t.reshaped([t.count, 1]) }
    throw CatalogError("\(what) must have samples first (samples x values, or samples x height x width x channels), got a scalar")
  }
}
