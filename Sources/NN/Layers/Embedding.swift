import Catalog
import Tensors

/// A lookup table of `outputDim`-wide vectors, one per index in `0..<inputDim`: each value of
/// the input (integer-valued floats, shape `[n] + shape`) becomes its row, giving
/// `[n] + shape + [outputDim]`, as Keras's Embedding. With `maskZero`, index 0 is padding and
/// the layer makes a mask (1 for a real step, 0 for padding) that later layers carry.
///
/// The gradient is sparse: backward writes only the rows the batch looked up and records them
/// in the table's `touchedRows`, so the optimizer updates just those rows (lazily, as
/// PyTorch's SparseAdam). Outside the recorded rows the gradient buffer stays zero.
///
/// With an `embeddings_regularizer` the gradient is dense, as Keras's: the penalty is on the
/// whole table, so its gradient touches every row; the table then has no touched-row list and
/// the optimizer steps every row (O(table) a step instead of O(rows looked up)). An
/// `embeddings_constraint` projects the whole table after each step (axis 0 is the vocabulary,
/// as Keras's); an `activity_regularizer` is on the looked-up vectors.
public final class Embedding: Layer, MaskProducing, Regularized, TrainableFlag {
  public static let kind = "Embedding"
  public var name: String
  public let inputDim: Int
  public let outputDim: Int
  public let maskZero: Bool
  /// How the table starts (Keras's default `uniform` is `random_uniform`, -0.05..0.05).
  public let initializer: Initializer
  /// The table's regularizer and constraint (the kernel's fields of the rules) and the activity's.
  public let rules: WeightRules
  /// Whether its table trains (kept for a table built later).
  public var trainableFlag = true
  private let activity: ActivityPenalty?
  /// Whether the gradient stays sparse (no penalty on the table).
  private var sparse: Bool { rules.kernelRegularizer == nil }
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  public private(set) var embeddings: Weight?
  public private(set) var outputMask: Tensor?

  private var inputShape: [Int] = []
  /// The last forward's indices, for backward.
  private var indices: [Int32] = []
  private var output = Tensor.zeros([0])
  private var mask = Tensor.zeros([0])

  public init(inputDim: Int, outputDim: Int, maskZero: Bool = false, initializer: Initializer = .random_uniform,
              rules: WeightRules = WeightRules(), name: String = "") throws {
    guard rules.biasRegularizer == nil, rules.biasConstraint == nil else {
      throw LayerError("Embedding has no bias: it takes embeddings_regularizer, embeddings_constraint and activity_regularizer")
    }
    self.inputDim = inputDim
    self.outputDim = outputDim
    self.maskZero = maskZero
    self.initializer = initializer
    self.rules = rules
    self.activity = rules.activityRegularizer.map(ActivityPenalty.init)
    self.name = name
  }

  /// Keras's names `uniform` and `normal` for `random_uniform` and `random_normal`, beside the
  /// initializers Dense takes.
  static let initializerAliases: [String: Initializer.Kind] = ["uniform": .random_uniform, "normal": .random_normal]

  public var isBuilt: Bool { embeddings != nil }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    let shape = inputShape + [outputDim]
    if embeddings == nil {
      guard Tensor.elementCount([inputDim, outputDim]) != nil else {
        throw LayerError("\(name): a table of \(inputDim) x \(outputDim) values is too large (at most \(Tensor.maxElements) values)")
      }
      try MemoryBudget.reserve(shapes: [[inputDim, outputDim], [inputDim, outputDim]], for: "building \(name) (\(inputDim)x\(outputDim) table)")
      var r = random.derived("\(name)/embeddings")
      let table = Weight(name: "\(name)/embeddings", value: initializer.make([inputDim, outputDim], fanIn: inputDim, fanOut: outputDim, random: &r))
      if sparse { table.touchedRows = TouchedRows(width: outputDim, tableRows: inputDim) }
      table.trainable = trainableFlag
      if let c = rules.kernelConstraint { try c.check(table) }
      embeddings = table
    }
    self.inputShape = inputShape
    outputShape = shape
    return shape
  }

  public var parameters: [Weight] { embeddings.map { [$0] } ?? [] }
  public var ruledKernel: Weight? { embeddings }
  public var ruledBias: Weight? { nil }
  public var activityPenalty: Double { activity?.value ?? 0 }

  /// Checks every index before anything is written (the last batch's indices stay for its
  /// backward if this one is refused): an integer in 0..<inputDim.
  private func readIndices(_ x: Tensor) throws {
    let count = x.count, p = x.storage.pointer, limit = Float(inputDim)
    for i in 0..<count {
      let v = p[i]
      guard v >= 0, v < limit, v.rounded(.down) == v else {
        let integral = v.rounded(.down) == v
        let what = v.isNaN ? "nan" : (integral && v.isFinite ? String(Int(v)) : "\(v)")
        let problem = integral ? "is outside 0..\(inputDim - 1) (input_dim \(inputDim))" : "is not an integer"
        throw LayerError("\(name): index \(what) at \(Self.position(i, perSample: max(count / max(x.shape[0], 1), 1), shape: x.shape)) \(problem)")
      }
    }
    if indices.count != count { indices = [Int32](repeating: 0, count: count) }
    indices.withUnsafeMutableBufferPointer { out in for i in 0..<count { out[i] = Int32(p[i]) } }
  }

  /// "sample 2, step 5" (1-based, as scripts count) for flat position `i`.
  static func position(_ i: Int, perSample: Int, shape: [Int]) -> String {
    let sample = i / perSample + 1
    guard shape.count > 1 else { return "sample \(sample)" }
    var rest = i % perSample, coords: [Int] = []
    for d in shape.dropFirst().reversed() { coords.append(rest % d + 1); rest /= d }
    let inner = coords.reversed().map(String.init).joined(separator: ", ")
    return shape.count == 2 ? "sample \(sample), step \(inner)" : "sample \(sample), position (\(inner))"
  }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard let embeddings else { throw LayerError("\(name) is used before it is built") }
    guard x.rank >= 1, Array(x.shape.dropFirst()) == inputShape else {
      throw LayerError("\(name) expects indices of shape \(describeShape([-1] + inputShape)) (n first), got \(describeShape(x.shape))")
    }
    try readIndices(x)
    Tensor.prepare(&output, shape: x.shape + [outputDim])
    let table = embeddings.value.storage.pointer, o = output.storage.pointer, d = outputDim
    indices.withUnsafeBufferPointer { idx in
      for (i, r) in idx.enumerated() { (o + i * d).update(from: table + Int(r) * d, count: d) }
    }
    if maskZero {
      Tensor.prepare(&mask, shape: x.shape)
      let m = mask.storage.pointer
      indices.withUnsafeBufferPointer { idx in for (i, r) in idx.enumerated() { m[i] = r == 0 ? 0 : 1 } }
      outputMask = mask
    } else {
      outputMask = nil
    }
    activity?.record(output)
    return output
  }

  /// Scatter-adds each output row's gradient into the row it was looked up from. Without
  /// `accumulate`, the rows the previous gradient touched are zeroed first (O(those rows), not
  /// the whole table; the whole table when the gradient is dense).
  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    guard let embeddings else { throw LayerError("\(name) is used before it is built") }
    guard gradOutput.count == indices.count * outputDim, gradOutput.shape.last == outputDim else {
      throw LayerError("\(name): backward needs a forward pass first, and a gradient of \(outputDim) values per index")
    }
    var gradOutput = gradOutput
    if let activity, gradOutput.shape == output.shape { gradOutput = activity.adding(to: gradOutput, at: output) }
    embeddings.grad.makeUnique()
    let g = embeddings.grad.storage.pointer, d = outputDim, dy = gradOutput.storage.pointer
    guard sparse else {
      if !accumulate { g.update(repeating: 0, count: embeddings.grad.count) }
      indices.withUnsafeBufferPointer { idx in
        for (i, r) in idx.enumerated() {
          let row = g + Int(r) * d, src = dy + i * d
          for j in 0..<d { row[j] += src[j] }
        }
      }
      guard needsInputGradient else { return Tensor.released }
      return Tensor.zeros(Array(gradOutput.shape.dropLast()))
    }
    var touched = embeddings.touchedRows ?? TouchedRows(width: d, tableRows: inputDim)
    embeddings.touchedRows = nil  // the list's buffer held once while it is edited
    if !accumulate {
      for r in touched.rows {
        (g + Int(r) * d).update(repeating: 0, count: d)
        touched.listed[Int(r)] = 0
      }
      touched.rows.removeAll(keepingCapacity: true)
    }
    indices.withUnsafeBufferPointer { idx in
      for (i, r) in idx.enumerated() {
        let row = g + Int(r) * d, src = dy + i * d
        if touched.listed[Int(r)] == 0 {
          touched.listed[Int(r)] = 1
          touched.rows.append(r)
        }
        for j in 0..<d { row[j] += src[j] }
      }
    }
    embeddings.touchedRows = touched
    // Indices have no gradient: zeros of the input's shape for whoever asks.
    guard needsInputGradient else { return Tensor.released }
    return Tensor.zeros(Array(gradOutput.shape.dropLast()))
  }

  /// A later application of this layer: the same table (and touched-row list, so every use's
  /// rows reach the optimizer once), buffers of its own.
  public func twin() throws -> Layer {
    let t = try Embedding(inputDim: inputDim, outputDim: outputDim, maskZero: maskZero, initializer: initializer, rules: rules, name: name)
    t.trainableFlag = trainableFlag
    t.embeddings = embeddings
    return t
  }

  public var config: [String: Any] {
    ["input_dim": inputDim, "output_dim": outputDim, "mask_zero": maskZero, "embeddings_initializer": initializer.configValue]
      .merging(rules.config(weight: "embeddings")) { a, _ in a }
  }

  static let entry = Entry(
    module: "nn", name: kind,
    summary: "Looks up each index (integer-valued, 0..input_dim-1) in a table of output_dim-wide vectors: [n, steps] → [n, steps, output_dim]; sparse gradients (only the rows a batch uses are updated).",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let inputDim = d.parameter("input_dim", Int.self, "vocabulary size: indices run 0..input_dim-1 (with mask_zero, 0 is the padding)", as: .positiveInteger)
    let outputDim = d.parameter("output_dim", Int.self, "width of each vector", as: .positiveInteger)
    let maskZero = d.option("mask_zero", Bool.self, "index 0 is padding: later layers (global pooling) leave those steps out", default: false)
    let initializer = d.option("embeddings_initializer", Value.self,
                               "how the table starts (uniform: -0.05..0.05, as Keras; normal: stddev 0.05): a name, or {name =, ...} with parameters (minval, maxval, mean, stddev, ...)",
                               as: .either(.oneOf(initializerAliases.keys.sorted() + Initializer.Kind.allCases.map(\.rawValue)), .record),
                               default: .string("uniform"))
    let rules = WeightRuleOptions(d, weight: "embeddings", bias: false)
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in
      try Embedding(inputDim: a[inputDim], outputDim: a[outputDim], maskZero: a[maskZero],
                    initializer: parseInitializer(a[initializer]), rules: try rules.read(a), name: a[name])
    }
  }
}

extension Embedding {
  /// The `embeddings_initializer` a script gives: Keras's `uniform`/`normal` or an initializer
  /// (a name or a table, whose name may also be one of the two).
  static func parseInitializer(_ v: Value) throws -> Initializer {
    let option = "embeddings_initializer"
    if case .string(let s) = v, let kind = initializerAliases[s] { return Initializer(kind) }
    if case .table(let fields) = v, case .string(let s)? = v["name"], let kind = initializerAliases[s] {
      return try Initializer.parse(.table(fields.map { $0.key == "name" ? ("name", .string(kind.rawValue)) : $0 }), option)
    }
    return try Initializer.parse(v, option)
  }
}
