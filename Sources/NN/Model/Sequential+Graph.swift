import Catalog
import CrescentMetrics
import Tensors

/// Compiling a graph model: one loss per output, their weights, per-output metrics.
extension Sequential {
  /// Chooses the optimizer and, per output (in the graph's order), the loss, its weight in
  /// the total and the metrics. With several outputs the logs name each output's loss
  /// `<output>_loss` and metrics `<output>_<metric>` (Keras's naming); with one, as a stack's.
  public func compile(optimizer: Optimizer, losses: [Loss], lossWeights: [Double], metrics: [[String]], in catalog: Catalog? = nil) throws {
    guard let graph else { throw LayerError("per-output losses are for graph models (nn.Model)") }
    let names = graph.outputNames
    guard losses.count == names.count, lossWeights.count == names.count, metrics.count == names.count else {
      throw LayerError("the model has \(names.count) outputs (\(names.joined(separator: ", "))): give one loss, weight and metric list per output")
    }
    for (k, w) in lossWeights.enumerated() where !w.isFinite || w < 0 {
      throw LayerError("loss_weights: the weight of '\(names[k])' must be a finite non-negative number, got \(w)")
    }
    for (k, shape) in graph.outputShapes.enumerated() where shape.count != 1 {
      throw LayerError("the output '\(names[k])' has shape \(describeShape(shape)) per sample; end it with a layer giving vectors (nn.Flatten(), a global pooling or Dense) to train it against targets")
    }
    let graphHead = GraphHead(graph: graph, losses: losses)
    let widths = graph.outputWidths, total = widths.reduce(0, +)
    var offsets: [Int] = [], offset = 0
    for w in widths { offsets.append(offset); offset += w }
    let parts = losses.enumerated().map { k, l in
      GraphLoss.Part(output: names[k], loss: l, weight: lossWeights[k], logits: graphHead.readsLogits(k, l), offset: offsets[k], width: widths[k])
    }
    var metricNames: [String] = []
    var makers: [() -> StreamingMetric] = []
    for (k, list) in metrics.enumerated() {
      for m in list {
        let make = try TrainingMetrics.maker(m, in: catalog)
        let name = names.count == 1 ? m : "\(names[k])_\(m)"
        let (o, w) = (offsets[k], widths[k])
        metricNames.append(name)
        makers.append { OutputMetric(name: name, inner: make(), offset: o, width: w, total: total) }
      }
    }
    metricMakers = makers
    trainingMetrics = makers.map { $0() }
    self.optimizer = optimizer
    self.loss = GraphLoss(parts: parts)
    self.metricNames = metricNames
    head = OutputHead(graph: graphHead)
  }

  /// The per-output losses a graph model with several outputs logs (`labels_loss`), in order.
  var outputLossKeys: [String] {
    guard let l = loss as? GraphLoss, l.parts.count > 1 else { return [] }
    return l.parts.map { "\($0.output)_loss" }
  }

  /// The last batch's per-output losses (empty unless `outputLossKeys` has keys).
  var lastOutputLosses: [Double] {
    guard let l = loss as? GraphLoss, l.parts.count > 1 else { return [] }
    return l.lastParts
  }
}
