import Testing
@testable import NN
import Tensors

/// Every loss: value and gradient with respect to the logits equal PyTorch's within 1e-5.
@Suite struct LossReferenceTests {
  let logits = Reference.tensor(Reference.section("losses", "logits"))
  let targets = Reference.tensor(Reference.section("losses", "targets"))
  let posWeight = (Reference.section("losses", "pos_weight") as! [Double]).map(Float.init)

  func expected(_ name: String) -> (Double, Tensor) {
    let v = Reference.section("losses", "values", name) as! [String: Any]
    return (v["value"] as! Double, Reference.tensor(v["grad_logits"]!))
  }

  /// Runs `loss` on `outputs`; `chain` maps d/d(outputs) to d/d(logits).
  func check(_ name: String, _ loss: Loss, outputs: Tensor, chain: (Tensor) -> Tensor = { $0 }) throws {
    var grad = Tensor.zeros(outputs.shape)
    let value = try grad.withUnsafeMutableBufferPointer { g in
      try loss.compute(outputs, targets, sampleWeights: nil, gradient: g.baseAddress)
    }
    let (v, g) = expected(name)
    #expect(abs(value - v) <= 1e-5 * abs(v), "\(name) value \(value) vs \(v)")
    let got = chain(grad)
    #expect(maxRelativeError(got, g, floor: 1e-4) <= 1e-5, "\(name) gradient off by \(maxRelativeError(got, g, floor: 1e-4))")
  }

  @Test func binaryCrossEntropyFromLogits() throws {
    try check("binary_crossentropy_from_logits", BinaryCrossEntropy(fromLogits: true), outputs: logits)
    try check("binary_crossentropy_from_logits_pos_weight", BinaryCrossEntropy(fromLogits: true, posWeight: posWeight), outputs: logits)
  }

  @Test func binaryCrossEntropyOnProbabilities() throws {
    let p = logits.applying(.sigmoid)
    try check("binary_crossentropy_on_probabilities", BinaryCrossEntropy(), outputs: p) { g in
      try! g.applying(.mul, p.applying(.mul, p.applying(.sub, scalarOnLeft: 1)))
    }
  }

  @Test func categoricalCrossEntropyFromLogits() throws {
    // PyTorch took the class as the argmax of each target row.
    var oneHot = Tensor.zeros(targets.shape)
    let classes = try targets.reduced(.argmax, axis: 1)
    for i in 0..<targets.shape[0] { oneHot[i, Int(classes.scalars[i])] = 1 }
    var grad = Tensor.zeros(logits.shape)
    let value = try grad.withUnsafeMutableBufferPointer { g in
      try CategoricalCrossEntropy(fromLogits: true).compute(logits, oneHot, sampleWeights: nil, gradient: g.baseAddress)
    }
    let (v, g) = expected("categorical_crossentropy_from_logits")
    #expect(abs(value - v) <= 1e-5 * abs(v))
    #expect(maxRelativeError(grad, g, floor: 1e-4) <= 1e-5)
  }

  @Test func meanSquaredError() throws {
    try check("mean_squared_error", MeanSquaredError(), outputs: logits)
  }

  @Test func sigmoidFocal() throws {
    try check("sigmoid_focal_gamma2_alpha0.25", SigmoidFocal(gamma: 2, alpha: 0.25, fromLogits: true), outputs: logits)
  }

  @Test func classWeightsOfOneReproduceTheReferenceThroughTheCellPath() throws {
    let plain = BinaryCrossEntropy(fromLogits: true)
    plain.columnWeights = [1, 1, 1, 1, 1]
    try check("binary_crossentropy_from_logits", plain, outputs: logits)
    let weighted = BinaryCrossEntropy(fromLogits: true, posWeight: posWeight)
    weighted.columnWeights = [1, 1, 1, 1, 1]
    try check("binary_crossentropy_from_logits_pos_weight", weighted, outputs: logits)
  }

  @Test func classWeightsScaleColumns() throws {
    let loss = BinaryCrossEntropy(fromLogits: true)
    var g1 = Tensor.zeros(logits.shape), g2 = Tensor.zeros(logits.shape)
    let v1 = try g1.withUnsafeMutableBufferPointer { try loss.compute(logits, targets, sampleWeights: nil, gradient: $0.baseAddress) }
    loss.columnWeights = [2, 0, 1, 1, 1]
    let v2 = try g2.withUnsafeMutableBufferPointer { try loss.compute(logits, targets, sampleWeights: nil, gradient: $0.baseAddress) }
    #expect(v2 != v1)
    for i in 0..<logits.shape[0] {
      #expect(abs(g2[i, 0] - 2 * g1[i, 0]) < 1e-6 && g2[i, 1] == 0 && abs(g2[i, 2] - g1[i, 2]) < 1e-6)
    }
  }

  @Test func sampleWeightsScaleRows() throws {
    let loss = BinaryCrossEntropy(fromLogits: true)
    let ones = Tensor.ones([logits.shape[0]])
    let plain = try loss.compute(logits, targets, sampleWeights: nil, gradient: nil)
    let weighted = try loss.compute(logits, targets, sampleWeights: ones, gradient: nil)
    #expect(abs(plain - weighted) < 1e-12)
    let zeros = Tensor.zeros([logits.shape[0]])
    #expect(try loss.compute(logits, targets, sampleWeights: zeros, gradient: nil) == 0)
  }
}
