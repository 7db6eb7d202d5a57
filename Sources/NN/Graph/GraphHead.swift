import Tensors

/// How a graph model's outputs meet their losses, decided at compile: per output, whether
/// its layer's activation is fused into the loss (the layer then hands the loss its logits),
/// as `OutputHead` decides it for a Sequential's one output.
final class GraphHead {
  let graph: Graph
  /// Per output, whether the loss reads logits from its layer (fused).
  let fused: [Bool]
  /// Per output, the activation the fused layer leaves to the loss.
  let activations: [(activation: Activation, alpha: Float?)?]

  init(graph: Graph, losses: [Loss]) {
    self.graph = graph
    var fused: [Bool] = [], activations: [(Activation, Float?)?] = []
    for (k, loss) in losses.enumerated() {
      if !loss.fromLogits, let absorbed = loss.fusesWith, graph.outputIsFinal(k), let s = graph.outputStep(k),
         let last = graph.steps[s].layer as? ActivationOutput, last.outputActivation == absorbed {
        fused.append(true)
        activations.append((last.outputActivation, last.outputAlpha))
      } else {
        fused.append(false)
        activations.append(nil)
      }
    }
    self.fused = fused
    self.activations = activations
  }

  /// Whether output `k`'s loss reads logits (fused, or the loss's own from_logits).
  func readsLogits(_ k: Int, _ loss: Loss) -> Bool { fused[k] || loss.fromLogits }

  func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    try graph.forwardPacked(x, training: training, logits: fused)
  }

  func backward(_ gradient: Tensor, accumulate: Bool) throws {
    try graph.backwardPacked(gradient, accumulate: accumulate, logits: fused)
  }

  /// The probabilities metrics see: the fused outputs' activation applied to their columns.
  func probabilities(of outputs: Tensor, into buffer: inout Tensor) -> Tensor {
    guard activations.contains(where: { $0 != nil }) else { return outputs }
    Tensor.prepare(&buffer, shape: outputs.shape)
    let n = outputs.shape[0], total = outputs.shape[1]
    if activations.count == 1, let (activation, alpha) = activations[0] {
      // One output: the activation over the whole matrix in one call.
      Elementwise.biasActivation(activation, alpha: alpha, z: outputs.storage.pointer, bias: nil, out: buffer.storage.pointer, rows: n, cols: total)
      return buffer
    }
    buffer.storage.pointer.update(from: outputs.storage.pointer, count: outputs.count)
    var offset = 0
    for (k, w) in graph.outputWidths.enumerated() {
      if let (activation, alpha) = activations[k] {
        for r in 0..<n {
          let p = buffer.storage.pointer + r * total + offset
          Elementwise.biasActivation(activation, alpha: alpha, z: p, bias: nil, out: p, rows: 1, cols: w)
        }
      }
      offset += w
    }
    return buffer
  }
}
