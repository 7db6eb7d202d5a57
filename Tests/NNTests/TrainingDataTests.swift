import Testing
@testable import NN
import Tensors

/// fit refuses data it cannot train on before the first step, and takes class_weight as a
/// list or as Keras's map.
@Suite struct TrainingDataTests {
  func model(_ loss: Loss = BinaryCrossEntropy(), labels: Int = 2) throws -> Sequential {
    let m = Sequential(inputSize: 2, random: RandomStream(seed: 1))
    try m.add(Dense(units: labels, activation: .sigmoid))
    try m.compile(optimizer: SGD(learningRate: 0.1), loss: loss)
    return m
  }

  func message(_ body: () throws -> Void) -> String? {
    do { try body(); return nil } catch let e as LayerError { return e.message } catch { return "\(error)" }
  }

  func quiet(_ validation: (Tensor, Tensor)? = nil) -> FitOptions {
    var o = FitOptions(); o.verbose = 0; o.validation = validation
    return o
  }

  func m(_ rows: [[Float]]) -> Tensor { Tensor(shape: [rows.count, rows[0].count], scalars: rows.flatMap { $0 }) }

  var x: Tensor { m([[0.5, 1], [1, 2], [0, -1]]) }
  var y: Tensor { m([[0, 1], [1, 0.25], [1, 1]]) }

  @Test func targetsOutsideZeroOneAreRefusedForCrossEntropy() throws {
    let bad = m([[0, 1], [1, 2], [1, 1]])
    let before = try model()
    let w0 = before.weights()
    #expect(message { try before.fit(x: x, y: bad, options: quiet()) } == "binary_crossentropy needs targets in [0, 1], but y has 2 at row 2, column 2")
    #expect(zip(before.weights(), w0).allSatisfy { $0.scalars == $1.scalars }, "a step was taken")
    #expect(message { try model(SigmoidFocal()).fit(x: x, y: m([[0, 1], [-1, 0], [1, 1]]), options: quiet()) }
            == "sigmoid_focal needs targets in [0, 1], but y has -1 at row 2, column 1")
    // Soft targets in [0, 1] train; a regression loss takes any finite target.
    #expect(message { try model().fit(x: x, y: y, options: quiet()) } == nil)
    #expect(message { try model(MeanSquaredError()).fit(x: x, y: bad, options: quiet()) } == nil)
    // Validation data is checked too.
    #expect(message { try model().fit(x: x, y: y, options: quiet((x, bad))) }
            == "binary_crossentropy needs targets in [0, 1], but validation y has 2 at row 2, column 2")
  }

  @Test func nonFiniteValuesAreRefused() throws {
    let nanX = m([[0.5, 1], [1, 2], [.nan, -1]])
    #expect(message { try model().fit(x: nanX, y: y, options: quiet()) }?.hasPrefix("x has NaN at row 3, column 1") == true)
    let infY = m([[0, 1], [1, 0.25], [1, .infinity]])
    #expect(message { try model(MeanSquaredError()).fit(x: x, y: infY, options: quiet()) }?.hasPrefix("y has inf at row 3, column 2") == true)
    #expect(message { try model().fit(x: x, y: y, options: quiet((nanX, y))) }?.hasPrefix("validation x has NaN at row 3, column 1") == true)
    #expect(message { try model().trainOnBatch(x: nanX, y: y) }?.hasPrefix("x has NaN") == true)
    // A long tensor with one bad value far in.
    var big = [Float](repeating: 0.5, count: 5000 * 2)
    big[2 * 4321 + 1] = -.infinity
    let bx = Tensor(shape: [5000, 2], scalars: big)
    let by = Tensor(shape: [5000, 2], scalars: [Float](repeating: 0, count: 10000))
    #expect(message { try model().fit(x: bx, y: by, options: quiet()) }?.hasPrefix("x has -inf at row 4322, column 2") == true)
  }

  @Test func classWeightAsAMapOrAList() throws {
    #expect(try ClassWeights.resolve(map: [(2, 5)], labels: 3) == [1, 5, 1])
    #expect(try ClassWeights.resolve(map: [(1, 0.5), (3, 2)], labels: 3) == [0.5, 1, 2])
    #expect(try ClassWeights.resolve(list: [1, 2, 3], labels: 3) == [1, 2, 3])
    #expect(throws: LayerError.self) { try ClassWeights.resolve(map: [(0, 1)], labels: 3) }
    #expect(throws: LayerError.self) { try ClassWeights.resolve(map: [(4, 1)], labels: 3) }
    #expect(throws: LayerError.self) { try ClassWeights.resolve(list: [1, 2], labels: 3) }
    #expect(throws: LayerError.self) { try ClassWeights.resolve(map: [(1, -1)], labels: 3) }
  }

  @Test func classWeightOnOneColumnPointsToPosWeight() throws {
    // Keras's {0: 1, 1: 5} for a sigmoid output: label 2 does not exist here, so the error
    // must not suggest it (nor [1] for Keras's 0); pos_weight weighs positives.
    for attempt in [{ try ClassWeights.resolve(map: [(0, 1), (1, 5)], labels: 1) },
                    { try ClassWeights.resolve(map: [(1, 1), (2, 5)], labels: 1) },
                    { try ClassWeights.resolve(list: [1, 5], labels: 1) }] {
      let error = #expect(throws: LayerError.self) { try attempt() }
      #expect(error?.message.contains("losses.BinaryCrossentropy{pos_weight = {w}}") == true, "\(error?.message ?? "")")
      #expect(error?.message.contains("[1] here") == false)
    }
  }

  @Test func classWeightWeighsEachSampleByItsClassForCategoricalCrossEntropy() throws {
    // Keras turns class_weight into sample weights, w[argmax y_i]: the loss and gradient with
    // class weights (1, 3, 0.5) equal those with sample weights (3, 1, 0.5, 3).
    let logits = Tensor(shape: [4, 3], scalars: [0.2, -1, 0.5, 1.5, 0.3, -0.7, 0, 0, 2, -0.4, 1.1, 0.9])
    let y = Tensor(shape: [4, 3], scalars: [0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0])
    for onLogits in [true, false] {
      let outputs = onLogits ? logits : Tensor(shape: [4, 3], scalars: [0.2, 0.3, 0.5, 0.6, 0.3, 0.1, 0.1, 0.1, 0.8, 0.25, 0.5, 0.25])
      let weighted = CategoricalCrossEntropy(fromLogits: onLogits)
      weighted.columnWeights = [1, 3, 0.5]
      var g1 = Tensor.zeros([4, 3]), g2 = Tensor.zeros([4, 3])
      let v1 = try g1.withUnsafeMutableBufferPointer { try weighted.compute(outputs, y, sampleWeights: nil, gradient: $0.baseAddress) }
      let plain = CategoricalCrossEntropy(fromLogits: onLogits)
      let w = Tensor(shape: [4], scalars: [3, 1, 0.5, 3])
      let v2 = try g2.withUnsafeMutableBufferPointer { try plain.compute(outputs, y, sampleWeights: w, gradient: $0.baseAddress) }
      #expect(abs(v1 - v2) < 1e-12 && v1 > 0)
      #expect(g1.scalars == g2.scalars)
      // With sample weights too, the two multiply.
      let both = try weighted.compute(outputs, y, sampleWeights: Tensor(shape: [4], scalars: [2, 2, 2, 2]), gradient: nil)
      #expect(abs(both - 2 * v1) < 1e-12)
    }
  }
}
