import Testing
import TestSupport
@testable import NN
import Tensors

/// Embedding: PyTorch's forward and backward, masking through global average pooling, clear
/// errors for bad indices, and the sparse (lazy) optimizer step against torch.optim.SparseAdam
/// and plain SGD.
@Suite struct EmbeddingTests {
  func built(_ vocab: Int, _ dim: Int, steps: Int, maskZero: Bool = false, weight: Tensor? = nil) throws -> Embedding {
    let e = try Embedding(inputDim: vocab, outputDim: dim, maskZero: maskZero, name: "embedding_1")
    var r = RandomStream(seed: 1)
    _ = try e.build(inputShape: [steps], random: &r)
    if let weight { try e.embeddings!.assign(weight) }
    return e
  }

  @Test func forwardAndBackwardMatchPyTorch() throws {
    let x = EmbeddingReference.tensor("embedding", "indices"), w = EmbeddingReference.tensor("embedding", "weight")
    let e = try built(w.shape[0], w.shape[1], steps: x.shape[1], weight: w)
    let y = try e.forward(x, training: true)
    #expect(y.shape == x.shape + [w.shape[1]])
    #expect(maxRelativeError(y, EmbeddingReference.tensor("embedding", "output")) <= 1e-6)
    _ = try e.backward(EmbeddingReference.tensor("embedding", "grad_output"), accumulate: false)
    #expect(maxRelativeError(e.embeddings!.grad, EmbeddingReference.tensor("embedding", "grad_weight")) <= 1e-5)
    #expect(Set(e.embeddings!.touchedRows!.rows) == [0, 1, 2, 3, 5, 6])
  }

  /// mask_zero then GlobalAveragePooling1D: the mean over the non-padding steps, zeros for a
  /// sample that is all padding, and the table's gradient through it.
  @Test func maskedMeanMatchesPyTorch() throws {
    let x = EmbeddingReference.tensor("embedding", "indices"), w = EmbeddingReference.tensor("embedding", "weight")
    let net = Sequential(inputShape: [x.shape[1]], random: RandomStream(seed: 3))
    let e = try Embedding(inputDim: w.shape[0], outputDim: w.shape[1], maskZero: true)
    try net.add(e)
    try net.add(GlobalAveragePooling1D())
    try e.embeddings!.assign(w)
    let y = try net.forward(x, training: true)
    #expect(y.shape == [x.shape[0], w.shape[1]])
    #expect(maxRelativeError(y, EmbeddingReference.tensor("embedding", "masked_mean", "output")) <= 1e-5)
    #expect(y.scalars.suffix(w.shape[1]).allSatisfy { $0 == 0 })
    try net.backward(EmbeddingReference.tensor("embedding", "masked_mean", "grad_output"), accumulate: false)
    #expect(maxRelativeError(e.embeddings!.grad, EmbeddingReference.tensor("embedding", "masked_mean", "grad_weight")) <= 1e-5)
  }

  @Test func maskMarksPadding() throws {
    let e = try built(5, 2, steps: 3, maskZero: true)
    var mask: Tensor? = nil
    _ = try e.forward(Tensor(shape: [2, 3], scalars: [1, 2, 0, 0, 4, 0]), training: false, mask: &mask)
    #expect(mask?.shape == [2, 3] && mask?.scalars == [1, 1, 0, 0, 1, 0])
    let plain = try built(5, 2, steps: 3)
    var none: Tensor? = nil
    _ = try plain.forward(Tensor(shape: [1, 3], scalars: [1, 0, 0]), training: false, mask: &none)
    #expect(none == nil)
  }

  @Test(arguments: [(Float(7), "index 7 at sample 2, step 1 is outside 0..6 (input_dim 7)"),
                    (Float(-1), "index -1 at sample 2, step 1 is outside 0..6 (input_dim 7)"),
                    (Float(2.5), "index 2.5 at sample 2, step 1 is not an integer"),
                    (Float.nan, "index nan at sample 2, step 1 is not an integer"),
                    (Float.infinity, "index inf at sample 2, step 1 is outside 0..6 (input_dim 7)")])
  func badIndicesAreClearErrorsBeforeAnyWrite(_ bad: Float, _ message: String) throws {
    let e = try built(7, 3, steps: 2)
    _ = try e.forward(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), training: true)
    let error = #expect(throws: LayerError.self) { try e.forward(Tensor(shape: [2, 2], scalars: [5, 6, bad, 1]), training: true) }
    #expect(error?.message == "embedding_1: \(message)")
    // The refused batch left nothing behind: backward still sees the last good batch.
    _ = try e.backward(Tensor(shape: [2, 2, 3], repeating: 1), accumulate: false)
    #expect(Set(e.embeddings!.touchedRows!.rows) == [1, 2, 3, 4])
  }

  /// Backward without accumulate clears the rows the previous gradient touched, so the table's
  /// gradient is exact everywhere while only touched rows are written.
  @Test func gradientClearsStaleRows() throws {
    let e = try built(6, 2, steps: 2)
    _ = try e.forward(Tensor(shape: [1, 2], scalars: [1, 2]), training: true)
    _ = try e.backward(Tensor(shape: [1, 2, 2], scalars: [1, 1, 1, 1]), accumulate: false)
    _ = try e.forward(Tensor(shape: [1, 2], scalars: [3, 3]), training: true)
    _ = try e.backward(Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4]), accumulate: false)
    #expect(e.embeddings!.grad.scalars == [0, 0, 0, 0, 0, 0, 4, 6, 0, 0, 0, 0])
    #expect(e.embeddings!.touchedRows!.rows == [3])
    _ = try e.forward(Tensor(shape: [1, 2], scalars: [5, 3]), training: true)
    _ = try e.backward(Tensor(shape: [1, 2, 2], scalars: [1, 1, 1, 1]), accumulate: true)
    #expect(e.embeddings!.grad.scalars == [0, 0, 0, 0, 0, 0, 5, 7, 0, 0, 1, 1])
    #expect(e.embeddings!.touchedRows!.rows == [3, 5])
  }

  /// Five steps of SparseAdam (lr 0.01) and of plain SGD (lr 0.1) on an embedding table; row 8
  /// is touched only in the first step, row 9 never.
  @Test(arguments: ["adam", "sgd"])
  func sparseStepsMatchPyTorch(_ label: String) throws {
    let w0 = EmbeddingReference.tensor("sparse", "initial")
    let e = try built(w0.shape[0], w0.shape[1], steps: 4, weight: w0)
    let optimizer: Optimizer = label == "adam" ? Adam(learningRate: 0.01) : SGD(learningRate: 0.1)
    let indices = EmbeddingReference.node("sparse", "indices") as! [Any]
    let grads = EmbeddingReference.node("sparse", "grad_outputs") as! [Any]
    let want = EmbeddingReference.node("sparse", label) as! [Any]
    var afterFirst: [Float] = []
    for k in 0..<indices.count {
      _ = try e.forward(EmbeddingReference.tensor(indices[k]), training: true)
      _ = try e.backward(EmbeddingReference.tensor(grads[k]), accumulate: false)
      optimizer.step(e.parameters)
      let got = e.embeddings!.value, expected = EmbeddingReference.tensor(want[k])
      #expect(maxRelativeError(got, expected) <= 1e-5, "\(label) step \(k + 1): off by \(maxRelativeError(got, expected))")
      if k == 0 { afterFirst = got.scalars }
    }
    let w = e.embeddings!.value.scalars, dim = w0.shape[1]
    #expect(Array(w[8 * dim..<9 * dim]) == Array(afterFirst[8 * dim..<9 * dim]), "row 8 stays after its last use")
    #expect(Array(w[9 * dim..<10 * dim]) == Array(w0.scalars[9 * dim..<10 * dim]), "row 9 is never moved")
  }

  /// The lazy step costs the touched rows only: an untouched row's optimizer state stays
  /// exactly zero, though the dense rule would move it once any gradient was seen.
  @Test func untouchedRowsKeepTheirState() throws {
    let e = try built(50, 4, steps: 2)
    let optimizer = Adam(learningRate: 0.01)
    _ = try e.forward(Tensor(shape: [1, 2], scalars: [3, 7]), training: true)
    _ = try e.backward(Tensor(shape: [1, 2, 4], repeating: 1), accumulate: false)
    optimizer.step(e.parameters)
    let m = optimizer.slots(for: e.embeddings!)[0].scalars
    #expect(m.enumerated().allSatisfy { i, v in (i / 4 == 3 || i / 4 == 7) == (v != 0) })
  }
}
