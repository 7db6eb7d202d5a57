import Tensors

extension Sequential {
  /// Losses that read each target as a probability: targets must lie in [0, 1] (soft targets
  /// such as 0.9 are fine).
  static let probabilityLosses: Set<String> = [BinaryCrossEntropy.kind, SigmoidFocal.kind, CategoricalCrossEntropy.kind]

  /// Refuses data training cannot use, before any step: a NaN or infinite feature, target or
  /// sample weight, and for the cross-entropy losses a target outside [0, 1]. `what` names the
  /// data in the error (`x`, `validation y`); rows and columns are counted from 1.
  func checkTrainingData(x: Tensor, y: Tensor, weights: Tensor? = nil, loss: Loss, what prefix: String = "") throws {
    if let (i, v) = firstNonFinite(x) { throw LayerError("\(prefix)x has \(describe(v)) at \(position(i, x)); clean or impute the features before training") }
    if let (i, v) = firstNonFinite(y) { throw LayerError("\(prefix)y has \(describe(v)) at \(position(i, y)); targets must be finite") }
    if let w = weights, let (i, v) = firstNonFinite(w) { throw LayerError("\(prefix)sample_weight has \(describe(v)) at position \(i + 1)") }
    if let graphLoss = loss as? GraphLoss, graphLoss.parts.count > 1 {
      // Each output's targets by its own loss, named by the output (columns counted within it).
      for part in graphLoss.parts where Self.probabilityLosses.contains(type(of: part.loss).kind) {
        if let (row, column, v) = firstOutside(y, 0, 1, columns: part.offset..<part.offset + part.width) {
          throw LayerError("output '\(part.output)': \(type(of: part.loss).kind) needs targets in [0, 1], but \(prefix)y['\(part.output)'] has \(Tensor.format(v)) at row \(row + 1), column \(column + 1)")
        }
      }
      return
    }
    let kind = type(of: (loss as? GraphLoss)?.parts.first?.loss ?? loss).kind
    if Self.probabilityLosses.contains(kind), let (i, v) = firstOutside(y, 0, 1) {
      throw LayerError("\(kind) needs targets in [0, 1], but \(prefix)y has \(Tensor.format(v)) at \(position(i, y))")
    }
  }

  /// fit's class_weight: one weight per label of a model with one output. A graph model with
  /// several outputs refuses it, as Keras 3 does (sample_weight weighs samples across outputs).
  func checkClassWeights(_ classWeights: [Float]?) throws {
    guard let cw = classWeights else { return }
    if let graph, graph.outputNames.count > 1 {
      throw LayerError("class_weight is for models with one output; this one has \(graph.outputNames.count) (\(graph.outputNames.joined(separator: ", "))): weigh samples with sample_weight instead")
    }
    if cw.count != outputSize { throw LayerError("class_weight has \(cw.count) values for \(outputSize ?? 0) labels") }
  }

  private func describe(_ v: Float) -> String { v.isNaN ? "NaN" : (v > 0 ? "inf" : "-inf") }

  private func position(_ i: Int, _ t: Tensor) -> String {
    let cols = t.rank >= 2 ? t.count / max(t.shape[0], 1) : 1
    return "row \(i / max(cols, 1) + 1), column \(i % max(cols, 1) + 1)"
  }

  /// The first NaN or infinite value, in one pass.
  private func firstNonFinite(_ t: Tensor) -> (Int, Float)? {
    let p = t.storage.pointer, n = t.count
    var start = 0
    // Blocks whose sum times zero is zero hold only finite values (NaN or ±inf make it NaN).
    while start < n {
      let end = min(n, start + 1024)
      var acc: Float = 0
      for i in start..<end { acc += p[i] * 0 }
      if acc != 0 || acc.isNaN {
        for i in start..<end where !p[i].isFinite { return (i, p[i]) }
      }
      start = end
    }
    return nil
  }

  /// The first value outside [lo, hi] in `columns` of a matrix: its row and column within them.
  private func firstOutside(_ t: Tensor, _ lo: Float, _ hi: Float, columns: Range<Int>) -> (Int, Int, Float)? {
    let p = t.storage.pointer, width = t.count / max(t.shape[0], 1)
    for r in 0..<t.shape[0] {
      for c in columns where p[r * width + c] < lo || p[r * width + c] > hi { return (r, c - columns.lowerBound, p[r * width + c]) }
    }
    return nil
  }

  private func firstOutside(_ t: Tensor, _ lo: Float, _ hi: Float) -> (Int, Float)? {
    let p = t.storage.pointer
    for i in 0..<t.count where p[i] < lo || p[i] > hi { return (i, p[i]) }
    return nil
  }
}
