import Catalog
import Foundation
import Tensors

/// Everything a fit needs to continue exactly where it stopped, in one safetensors file: the
/// weights (`model/<layer>/<weight>`), the optimizer's per-parameter state
/// (`optimizer/<layer>/<weight>/<slot>`), the callbacks' tensors (`callbacks/<n>/<k>`: the
/// best epoch's weights), and as JSON in `__metadata__["crescent.checkpoint"]`: the epochs
/// done, the architecture, the optimizer's kind, settings, rate and step count, the loss and
/// metrics, the data's sizes, the random streams (the shuffling, each layer's own, the run's
/// counters), the history and the callbacks' state. Numbers that must come back bit for bit
/// (rates, history, callback state) are written as text that reads back exactly (NaN and
/// infinities included). A checksum over the description and every tensor
/// (`__metadata__["crescent.checkpoint.digest"]`) makes any damaged byte an error.
public struct TrainingCheckpoint {
  static let formatKey = "crescent.checkpoint"
  static let digestKey = "crescent.checkpoint.digest"
  static let format = "crescent.checkpoint"
  /// The layout version this build writes and reads; a file of another version is refused.
  public static let version = 1
  static let weightPrefix = "model/", optimizerPrefix = "optimizer/", callbackPrefix = "callbacks/"

  public struct LayerRecord: Equatable {
    public var kind: String
    public var name: String
    /// The layer's own random stream (dropout masks), when it has one.
    public var random: RandomStream?
    /// A shared layer's later applications' streams, in order of use (each use draws its own).
    public var uses: [RandomStream] = []

    public init(kind: String, name: String, random: RandomStream?, uses: [RandomStream] = []) {
      self.kind = kind
      self.name = name
      self.random = random
      self.uses = uses
    }

    public static func == (a: LayerRecord, b: LayerRecord) -> Bool {
      a.kind == b.kind && a.name == b.name && a.random?.positionText == b.random?.positionText
        && a.uses.map(\.positionText) == b.uses.map(\.positionText)
    }
  }

  public struct CallbackRecord {
    public var kind: String
    public var state: CallbackState?
  }

  /// Epochs completed, as the uninterrupted fit counts them: the resumed fit starts there.
  public var epoch: Int
  public var stopTraining: Bool
  public var layers: [LayerRecord]
  public var weights: [(name: String, tensor: Tensor)]
  public var optimizerKind: String
  /// The optimizer's settings other than its rate, as JSON text.
  public var optimizerConfig: String
  public var learningRate: Double
  public var initialLearningRate: Double
  public var steps: Int
  public var slotNames: [String]
  /// The optimizer's state tensors by weight name, in `slotNames` order.
  public var slots: [String: [Tensor]]
  public var loss: String
  public var metrics: [String]
  public var samples: Int
  public var trainingSamples: Int
  public var batchSize: Int
  public var shuffle: Bool
  /// A checksum of the data the fit trained and validated on.
  public var dataDigest: String
  /// The shuffling stream at the fit's first epoch, and how many shuffles it has made since.
  public var shuffleOrigin: RandomStream
  public var shuffles: Int
  /// The run's random-stream counters (`RandomContext.positions`).
  public var sessionStreams: [String: Int]
  public var historyKeys: [String]
  public var historyEpochs: [Int]
  public var historyValues: [String: [Double]]
  public var callbacks: [CallbackRecord]

  /// Exact text for a double (Swift's shortest round-trip form: `0.1`, `nan`, `-inf`).
  static func text(_ v: Double) -> String { String(v) }

  // MARK: - Writing

  /// The file's tensors and metadata.
  func encoded() throws -> (tensors: [(name: String, tensor: Tensor)], metadata: [String: String]) {
    var tensors: [(name: String, tensor: Tensor)] = weights.map { (Self.weightPrefix + $0.name, $0.tensor) }
    for (name, _) in weights {
      for (slot, t) in zip(slotNames, slots[name] ?? []) { tensors.append(("\(Self.optimizerPrefix)\(name)/\(slot)", t)) }
    }
    var callbackSpecs: [[String: Any]] = []
    for (i, c) in callbacks.enumerated() {
      var spec: [String: Any] = ["kind": c.kind]
      if let s = c.state {
        spec["state"] = s.numbers.mapValues(Self.text)
        spec["tensors"] = s.tensors.count
        for (k, t) in s.tensors.enumerated() { tensors.append(("\(Self.callbackPrefix)\(i + 1)/\(k + 1)", t)) }
      }
      callbackSpecs.append(spec)
    }
    let layerSpecs: [[String: Any]] = layers.map { l in
      var spec: [String: Any] = ["kind": l.kind, "name": l.name]
      if let r = l.random { spec["random"] = r.positionText }
      if !l.uses.isEmpty { spec["uses_random"] = l.uses.map(\.positionText) }
      return spec
    }
    let spec: [String: Any] = [
      "format": Self.format, "version": Self.version, "epoch": epoch, "stop_training": stopTraining,
      "model": ["layers": layerSpecs, "weights": weights.map(\.name)],
      "compile": [
        "optimizer": ["kind": optimizerKind, "config": optimizerConfig, "lr": Self.text(learningRate),
                      "initial_lr": Self.text(initialLearningRate), "steps": steps, "slots": slotNames],
        "loss": loss, "metrics": metrics,
      ],
      "data": ["samples": samples, "training_samples": trainingSamples, "batch_size": batchSize, "shuffle": shuffle,
               "digest": dataDigest],
      "random": ["shuffle": shuffleOrigin.positionText, "shuffles": shuffles, "session": sessionStreams],
      "history": ["keys": historyKeys, "epochs": historyEpochs,
                  "values": historyValues.mapValues { $0.map(Self.text) }],
      "callbacks": callbackSpecs,
    ]
    let json = String(decoding: try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys]), as: UTF8.self)
    return (tensors, [Self.formatKey: json, Self.digestKey: Self.digest(json, tensors)])
  }

  /// A checksum of tensors' shapes and values, in order.
  static func digest(_ tensors: [Tensor]) -> String {
    digest("", tensors.enumerated().map { ("\($0.offset)", $0.element) })
  }

  /// A 64-bit FNV-1a checksum (hexadecimal) of the description and of every tensor's name,
  /// shape and values, in name order.
  static func digest(_ description: String, _ tensors: [(name: String, tensor: Tensor)]) -> String {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ v: UInt64) { h = (h ^ v) &* 0x0000_0100_0000_01B3 }
    for b in description.utf8 { mix(UInt64(b)) }
    for (name, t) in tensors.sorted(by: { $0.name < $1.name }) {
      mix(0xFF)
      for b in name.utf8 { mix(UInt64(b)) }
      for d in t.shape { mix(0xFE); mix(UInt64(d)) }
      t.withUnsafeBufferPointer { p in for v in p { mix(UInt64(v.bitPattern)) } }
    }
    return String(h, radix: 16)
  }

  /// Writes the checkpoint to `path` durably: a crash leaves the previous file or this one.
  public func write(to path: String) throws {
    let (tensors, metadata) = try encoded()
    do {
      try DurableFile.write(try Safetensors.encode(tensors, metadata: metadata, path: path), to: path)
    } catch let e as FileError {
      throw LayerError("cannot write the checkpoint '\(e.path)': \(e.reason)")
    }
  }

  // MARK: - Reading

  /// Reads and validates a checkpoint file: every field present with its type, every tensor
  /// accounted for. Whether it fits a model is `check`'s question.
  public static func read(_ path: String) throws -> TrainingCheckpoint {
    let file: Safetensors.File
    do { file = try Safetensors.read(path) } catch let e as SafetensorsError {
      throw LayerError("checkpoint \(e.message)")
    }
    return try decode(file, path: path)
  }

  static func decode(_ file: Safetensors.File, path: String) throws -> TrainingCheckpoint {
    guard let text = file.metadata[formatKey] else {
      throw LayerError("\(path): not a training checkpoint (no '\(formatKey)' entry in __metadata__; a model file is read with nn.load)")
    }
    let r = Reader(path: path)
    guard let digest = file.metadata[digestKey] else { throw r.error("the checkpoint has no checksum ('\(digestKey)' in __metadata__)") }
    guard digest == Self.digest(text, file.tensors) else {
      throw r.error("the checkpoint is damaged: its checksum does not match its contents")
    }
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)), let spec = object as? [String: Any] else {
      throw r.error("the checkpoint description is not a JSON object")
    }
    guard try r.string(spec, "format") == format else { throw r.error("'format' is not \(format)") }
    let version = try r.integer(spec, "version")
    guard version == Self.version else {
      throw r.error("checkpoint version \(version); this Crescent reads version \(Self.version)\(version > Self.version ? " (the file was written by a newer Crescent)" : "")")
    }
    var tensors: [String: Tensor] = [:]
    for (name, t) in file.tensors { tensors[name] = t }
    func take(_ name: String) throws -> Tensor {
      guard let t = tensors.removeValue(forKey: name) else { throw r.error("tensor '\(name)' is missing") }
      return t
    }

    let model = try r.object(spec, "model")
    let layers = try r.list(model, "layers", "model").enumerated().map { (k, v) -> LayerRecord in
      guard let l = v as? [String: Any] else { throw r.error("layer \(k + 1) is not an object") }
      let random = try l["random"].map { value -> RandomStream in
        guard let s = value as? String, let stream = RandomStream(positionText: s) else { throw r.error("layer \(k + 1)'s random stream is not a stream position") }
        return stream
      }
      let uses = try (l["uses_random"] as? [Any] ?? []).map { value -> RandomStream in
        guard let s = value as? String, let stream = RandomStream(positionText: s) else { throw r.error("layer \(k + 1)'s random streams of its later uses are not stream positions") }
        return stream
      }
      return LayerRecord(kind: try r.string(l, "kind", "layer \(k + 1)"), name: try r.string(l, "name", "layer \(k + 1)"), random: random, uses: uses)
    }
    let weightNames = try r.strings(model, "weights", "model")
    guard Set(weightNames).count == weightNames.count else { throw r.error("the weights' names repeat") }
    let weights = try weightNames.map { ($0, try take(weightPrefix + $0)) }

    let compile = try r.object(spec, "compile")
    let optimizer = try r.object(compile, "optimizer", "compile")
    let slotNames = try r.strings(optimizer, "slots", "optimizer")
    var slots: [String: [Tensor]] = [:]
    for name in weightNames {
      let names = slotNames.map { "\(optimizerPrefix)\(name)/\($0)" }
      let present = names.filter { tensors[$0] != nil }
      if present.isEmpty { continue }
      guard present.count == names.count else { throw r.error("the optimizer's state for '\(name)' is incomplete (expected \(names.joined(separator: ", ")))") }
      slots[name] = try names.map(take)
    }

    let data = try r.object(spec, "data")
    let random = try r.object(spec, "random")
    guard let shuffleOrigin = RandomStream(positionText: try r.string(random, "shuffle", "random")) else {
      throw r.error("the shuffling stream is not a stream position")
    }
    let session = try r.object(random, "session", "random")
    var sessionStreams: [String: Int] = [:]
    for (k, _) in session { sessionStreams[k] = try r.integer(session, k, "random.session", atLeast: 0) }

    let history = try r.object(spec, "history")
    let historyKeys = try r.strings(history, "keys", "history")
    let historyEpochs = try r.list(history, "epochs", "history").map { v -> Int in
      guard let n = v as? NSNumber, let i = ModelFile.integer(n), i >= 0 else { throw r.error("history.epochs holds \(v), not an epoch") }
      return i
    }
    let values = try r.object(history, "values", "history")
    guard Set(values.keys) == Set(historyKeys), Set(historyKeys).count == historyKeys.count else {
      throw r.error("history.values does not hold exactly the series history.keys names")
    }
    var historyValues: [String: [Double]] = [:]
    for k in historyKeys { historyValues[k] = try r.strings(values, k, "history.values").map { try r.number($0, "history.values.\(k)") } }

    let callbacks = try r.list(spec, "callbacks").enumerated().map { (i, v) -> CallbackRecord in
      guard let c = v as? [String: Any] else { throw r.error("callback \(i + 1) is not an object") }
      let kind = try r.string(c, "kind", "callback \(i + 1)")
      guard let stateObject = c["state"] else { return CallbackRecord(kind: kind, state: nil) }
      guard let state = stateObject as? [String: Any] else { throw r.error("callback \(i + 1)'s state is not an object") }
      var numbers: [String: Double] = [:]
      for (k, _) in state { numbers[k] = try r.number(try r.string(state, k, "callback \(i + 1) state"), "callback \(i + 1) state '\(k)'") }
      let count = try r.integer(c, "tensors", "callback \(i + 1)", atLeast: 0)
      let ts = try (0..<count).map { try take("\(callbackPrefix)\(i + 1)/\($0 + 1)") }
      return CallbackRecord(kind: kind, state: CallbackState(numbers: numbers, tensors: ts))
    }
    if let extra = tensors.keys.sorted().first { throw r.error("tensor '\(extra)' belongs to nothing the checkpoint describes") }

    return TrainingCheckpoint(
      epoch: try r.integer(spec, "epoch", atLeast: 0), stopTraining: try r.bool(spec, "stop_training"),
      layers: layers, weights: weights,
      optimizerKind: try r.string(optimizer, "kind", "optimizer"), optimizerConfig: try r.string(optimizer, "config", "optimizer"),
      learningRate: try r.number(try r.string(optimizer, "lr", "optimizer"), "optimizer.lr"),
      initialLearningRate: try r.number(try r.string(optimizer, "initial_lr", "optimizer"), "optimizer.initial_lr"),
      steps: try r.integer(optimizer, "steps", "optimizer", atLeast: 0), slotNames: slotNames, slots: slots,
      loss: try r.string(compile, "loss", "compile"), metrics: try r.strings(compile, "metrics", "compile"),
      samples: try r.integer(data, "samples", "data", atLeast: 1), trainingSamples: try r.integer(data, "training_samples", "data", atLeast: 1),
      batchSize: try r.integer(data, "batch_size", "data", atLeast: 1), shuffle: try r.bool(data, "shuffle", "data"),
      dataDigest: try r.string(data, "digest", "data"),
      shuffleOrigin: shuffleOrigin, shuffles: try r.integer(random, "shuffles", "random", atLeast: 0), sessionStreams: sessionStreams,
      historyKeys: historyKeys, historyEpochs: historyEpochs, historyValues: historyValues, callbacks: callbacks)
  }

  /// Reads typed fields of the description, each failure naming the file and the field.
  struct Reader {
    let path: String

    func error(_ what: String) -> LayerError { LayerError("\(path): \(what)") }

    private func field(_ o: [String: Any], _ key: String, _ owner: String?) throws -> Any {
      guard let v = o[key] else { throw error("\(owner.map { "\($0)." } ?? "")\(key) is missing") }
      return v
    }

    private func name(_ key: String, _ owner: String?) -> String { "\(owner.map { "\($0)." } ?? "")\(key)" }

    func object(_ o: [String: Any], _ key: String, _ owner: String? = nil) throws -> [String: Any] {
      guard let v = try field(o, key, owner) as? [String: Any] else { throw error("\(name(key, owner)) is not an object") }
      return v
    }

    func list(_ o: [String: Any], _ key: String, _ owner: String? = nil) throws -> [Any] {
      guard let v = try field(o, key, owner) as? [Any] else { throw error("\(name(key, owner)) is not a list") }
      return v
    }

    func strings(_ o: [String: Any], _ key: String, _ owner: String? = nil) throws -> [String] {
      guard let v = try field(o, key, owner) as? [String] else { throw error("\(name(key, owner)) is not a list of strings") }
      return v
    }

    func string(_ o: [String: Any], _ key: String, _ owner: String? = nil) throws -> String {
      guard let v = try field(o, key, owner) as? String else { throw error("\(name(key, owner)) is not a string") }
      return v
    }

    func bool(_ o: [String: Any], _ key: String, _ owner: String? = nil) throws -> Bool {
      guard let b = try field(o, key, owner) as? Bool else { throw error("\(name(key, owner)) is not true or false") }
      return b
    }

    func integer(_ o: [String: Any], _ key: String, _ owner: String? = nil, atLeast low: Int = Int.min) throws -> Int {
      guard let n = try field(o, key, owner) as? NSNumber, let i = ModelFile.integer(n), i >= low else {
        throw error("\(name(key, owner)) is not a whole number\(low == Int.min ? "" : " >= \(low)")")
      }
      return i
    }

    /// A double written as exact text.
    func number(_ text: String, _ what: String) throws -> Double {
      guard let v = Double(text) else { throw error("\(what) = '\(text)' is not a number") }
      return v
    }
  }
}
