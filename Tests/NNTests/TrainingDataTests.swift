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
}
