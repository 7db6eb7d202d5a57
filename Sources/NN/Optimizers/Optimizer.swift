import Foundation
import Tensors

/// Updates parameters from their gradients, with PyTorch's update rules and defaults.
///
/// Subclasses implement `update` for one parameter over raw buffers; the base class keeps
/// per-parameter state (slots), counts steps, clips gradients (by global norm or by value)
/// and splits large parameters across threads in fixed chunks (same bits with 1 or 2 threads).
open class Optimizer {
  open class var kind: String { "optimizer" }
  /// The rate the optimizer was configured with (its `lr` option, or `set_lr`): schedules scale
  /// it, and a saved model keeps it as the optimizer's `lr`.
  public var initialLearningRate: Double
  /// The rate the next step uses: the initial rate as a schedule or ReduceLROnPlateau has
  /// changed it. Saved beside the configuration as the optimizer's state.
  public var learningRate: Double
  public let weightDecay: Double
  public var clipNorm: Double?
  public var clipValue: Double?
  /// Steps taken so far (shared by all parameters, as PyTorch's per-parameter counters are in
  /// lockstep for a whole model).
  public internal(set) var steps = 0
  /// Per-parameter state, by the identity of the parameter's storage; the entry holds the
  /// storage too, so its address cannot be reused by another tensor while the state exists.
  private var slots: [ObjectIdentifier: (owner: TensorStorage, buffers: [Tensor])] = [:]

  public init(learningRate: Double, weightDecay: Double = 0, clipNorm: Double? = nil, clipValue: Double? = nil) {
    self.initialLearningRate = learningRate
    self.learningRate = learningRate
    self.weightDecay = weightDecay
    self.clipNorm = clipNorm
    self.clipValue = clipValue
  }

  /// How many state tensors (each shaped like the parameter, starting at zero) a parameter needs.
  open var slotCount: Int { 0 }

  /// The state tensors' names, for files (PyTorch's names: `exp_avg`, `momentum_buffer`...).
  open var slotNames: [String] { (0..<slotCount).map { "slot\($0 + 1)" } }

  /// Sets the rate from now on and the rate schedules start from (`opt:set_lr`).
  public func setLearningRate(_ rate: Double) {
    initialLearningRate = rate
    learningRate = rate
  }

  /// One update of `count` values. `slots` are this parameter's state buffers; `step` counts from 1.
  /// `grad` is read, never written: it may be a buffer the caller still holds.
  open func update(value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                   slots: [UnsafeMutablePointer<Float>], count: Int, step: Int) {}

  /// One update of the rows `rows` of a weight viewed as rows of `width` values: the lazy
  /// update of a sparse gradient (`Weight.touchedRows`). The pointers are the whole weight's.
  /// By default each row gets `update` on its own values and state, so untouched rows keep
  /// theirs; optimizers whose sparse rule differs (Adam: PyTorch's SparseAdam) override it.
  open func updateRows(value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                       slots: [UnsafeMutablePointer<Float>], rows: UnsafeBufferPointer<Int32>, width: Int, step: Int) {
    for r in rows {
      let o = Int(r) * width
      update(value: value + o, grad: grad + o, slots: slots.map { $0 + o }, count: width, step: step)
    }
  }

  /// The options that rebuild this optimizer (for saving).
  open var config: [String: Any] {
    var c: [String: Any] = ["lr": initialLearningRate, "weight_decay": weightDecay]
    if let clipNorm { c["clipnorm"] = clipNorm }
    if let clipValue { c["clipvalue"] = clipValue }
    return c
  }

  /// One step over `parameters` using their `grad`s.
  public func step(_ parameters: [Weight]) {
    let live = parameters.filter(\.trainable)
    steps += 1
    // Clipping writes through `withUnsafeMutableBufferPointer`: into a copy of a gradient the
    // caller shares (`model:gradients`), never into the caller's.
    clip(live)
    for p in live {
      // State follows the values' storage, so the same tensors keep their state however they
      // are handed in (a model's weights, or `opt:step(params, grads)` from a script).
      let id = ObjectIdentifier(p.value.storage)
      if slots[id] == nil { slots[id] = (p.value.storage, (0..<slotCount).map { _ in Tensor.zeros(p.value.shape) }) }
      // In place, as PyTorch does: tensors that share a parameter's storage (a script's
      // custom-layer parameters, model:parameters()) see the update. The gradient is only read.
      let value = p.value.storage.pointer, grad = p.grad.storage.pointer
      let buffers = slots[id]!.buffers.map(\.storage.pointer)  // cannot fail: the slot was filled just above
      let n = p.value.count, step = steps
      if let touched = p.touchedRows {
        stepRows(touched, value: value, grad: grad, slots: buffers, step: step)
        continue
      }
      let chunk = 1 << 16
      let chunks = (n + chunk - 1) / chunk
      Parallel.forEach(chunks, threads: n >= 1 << 18 ? nil : 1) { c in
        let lo = c * chunk, m = min(chunk, n - lo)
        self.update(value: value + lo, grad: grad + lo, slots: buffers.map { $0 + lo }, count: m, step: step)
      }
    }
  }

  /// The lazy step of a sparse gradient: the touched rows, split across threads in fixed blocks
  /// of rows when there are many (rows are independent, so the bits do not depend on threads).
  private func stepRows(_ touched: TouchedRows, value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                        slots: [UnsafeMutablePointer<Float>], step: Int) {
    let width = touched.width
    touched.rows.withUnsafeBufferPointer { rows in
      let block = max(1, (1 << 16) / max(width, 1))
      let blocks = (rows.count + block - 1) / block
      Parallel.forEach(blocks, threads: rows.count * width >= 1 << 18 ? nil : 1) { b in
        let lo = b * block, hi = min(rows.count, lo + block)
        self.updateRows(value: value, grad: grad, slots: slots, rows: UnsafeBufferPointer(rebasing: rows[lo..<hi]), width: width, step: step)
      }
    }
  }

  /// The state of a parameter (for tests and saving); empty before its first step.
  public func slots(for p: Weight) -> [Tensor] { slots[ObjectIdentifier(p.value.storage)]?.buffers ?? [] }

  /// Restores a parameter's state (from a file): `slotCount` tensors shaped like it.
  public func restoreSlots(_ buffers: [Tensor], for p: Weight) throws {
    guard buffers.count == slotCount else {
      throw LayerError("\(Self.kind) keeps \(slotCount) state tensors per parameter, got \(buffers.count) for \(p.name)")
    }
    for (name, b) in zip(slotNames, buffers) where b.shape != p.value.shape {
      throw LayerError("\(Self.kind) state '\(name)' of \(p.name) has shape \(describeShape(b.shape)), the parameter \(describeShape(p.value.shape))")
    }
    slots[ObjectIdentifier(p.value.storage)] = (p.value.storage, buffers.map { Tensor(shape: $0.shape, storage: TensorStorage(copying: $0.storage)) })
  }

  private func clip(_ parameters: [Weight]) {
    if let clipValue {
      let c = Float(clipValue)
      for p in parameters {
        p.grad.withUnsafeMutableBufferPointer { g in Self.forEachGradientRange(p, g.count) { r in for i in r { g[i] = min(max(g[i], -c), c) } } }
      }
    }
    if let clipNorm {
      var total = 0.0
      for p in parameters {
        p.grad.withUnsafeBufferPointer { g in Self.forEachGradientRange(p, g.count) { r in for i in r { total += Double(g[i]) * Double(g[i]) } } }
      }
      let norm = total.squareRoot()
      let coef = clipNorm / (norm + 1e-6)
      if coef < 1 {
        let f = Float(coef)
        for p in parameters {
          p.grad.withUnsafeMutableBufferPointer { g in Self.forEachGradientRange(p, g.count) { r in for i in r { g[i] *= f } } }
        }
      }
    }
  }

  /// The ranges of `p`'s gradient that can be nonzero: the whole of it, or its touched rows.
  private static func forEachGradientRange(_ p: Weight, _ count: Int, _ body: (Range<Int>) -> Void) {
    guard let touched = p.touchedRows else { return body(0..<count) }
    for r in touched.rows { body(Int(r) * touched.width..<(Int(r) + 1) * touched.width) }
  }
}
