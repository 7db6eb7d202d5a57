import Foundation
import Testing
@testable import NN
import Tensors

/// The low-level loop (`model:gradients`, then `opt:step`) on the model's live parameters: it
/// trains exactly as `fit` does, hands out the model's gradient buffers instead of copies, and
/// never changes a gradient a caller still holds.
@Suite struct LowLevelLoopTests {
  let n = 12, batch = 4
  let x = Tensor(shape: [12, 6], scalars: (0..<72).map { Float(sin(Double($0) * 0.7)) })
  let y = Tensor(shape: [12, 3], scalars: (0..<36).map { Float(($0 * 5) % 3 == 0 ? 1 : 0) })

  /// 6 → 8 relu → 3 sigmoid with binary cross-entropy (W2's shape, small).
  func model(clipValue: Double? = nil) throws -> Sequential {
    let m = Sequential(inputSize: 6, random: RandomStream(seed: 1))
    try m.add(Dense(units: 8, activation: .relu))
    try m.add(Dense(units: 3, activation: .sigmoid))
    try m.compile(optimizer: Adam(learningRate: 1e-2, clipValue: clipValue), loss: BinaryCrossEntropy())
    return m
  }

  /// Whether the two tensors hold the same buffer (not equal copies).
  func sameBuffer(_ a: Tensor, _ b: Tensor) -> Bool {
    a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
  }

  @Test func stepsOfTheLoopEqualStepsOfFitToTheBit() throws {
    let fitted = try model(), looped = try model()
    var options = FitOptions()
    options.batchSize = batch
    options.epochs = 3
    options.shuffle = false
    options.verbose = 0
    try fitted.fit(x: x, y: y, options: options)
    let opt = Adam(learningRate: 1e-2)
    for _ in 0..<3 {
      for s in stride(from: 0, to: n, by: batch) {
        let r = try looped.gradients(x: x.rows(s..<(s + batch)), y: y.rows(s..<(s + batch)))
        // As `opt:step(model:parameters(), grads)`: the tensors, not the model's weights.
        try OptimizerLibrary.step(opt, looped.parameters.map { Weight(name: $0.name, value: $0.value) }, r.gradients)
      }
    }
    for (a, b) in zip(fitted.weights(), looped.weights()) { #expect(a.scalars == b.scalars) }
    #expect(fitted.weights().count == 4)
  }

  @Test func gradientsAreTheModelsBuffersAndTheStepTakesThemWithoutCopying() throws {
    let m = try model()
    let r = try m.gradients(x: x.rows(0..<batch), y: y.rows(0..<batch))
    for (g, p) in zip(r.gradients, m.parameters) { #expect(sameBuffer(g, p.grad)) }
    try OptimizerLibrary.step(m.optimizer!, m.parameters, r.gradients)
    for (g, p) in zip(r.gradients, m.parameters) { #expect(sameBuffer(g, p.grad)) }
    let given = m.parameters.map { Weight(name: $0.name, value: $0.value, grad: $0.grad) }
    try OptimizerLibrary.step(m.optimizer!, given, r.gradients)
    for (g, p) in zip(r.gradients, given) { #expect(sameBuffer(g, p.grad)) }
  }

  @Test(arguments: [nil, 1e-4] as [Double?]) func heldGradientsKeepTheirValues(clip: Double?) throws {
    let m = try model(clipValue: clip)
    let first = try m.gradients(x: x.rows(0..<batch), y: y.rows(0..<batch)).gradients
    let copies = first.map { $0.scalars }
    #expect(copies[0].contains { abs($0) > 1e-3 })
    // Clipping works on the gradients the step was given; the caller's stay as they were.
    try OptimizerLibrary.step(m.optimizer!, m.parameters, first)
    #expect(first.map { $0.scalars } == copies)
    if let clip { #expect(m.parameters[0].grad.scalars.allSatisfy { abs($0) <= Float(clip) }) }
    // The next backward pass writes new buffers while these are held.
    let second = try m.gradients(x: x.rows(4..<8), y: y.rows(4..<8)).gradients
    #expect(first.map { $0.scalars } == copies)
    #expect(second[0].scalars != copies[0])
  }
}
