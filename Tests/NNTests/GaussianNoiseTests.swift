import Testing
import TestSupport
@testable import NN
import Tensors

/// GaussianNoise as Keras defines it: x + N(0, stddev²) in training, x at inference.
@Suite struct GaussianNoiseTests {
  @Test func gradientAndRoundTrip() throws {
    try checkLayer("GaussianNoise") { GaussianNoise(stddev: 0.3) }
  }

  @Test func trainingAddsNoiseOfTheDeclaredSpread() throws {
    let layer = GaussianNoise(stddev: 0.5, name: "noise")
    var r = RandomStream(seed: 3)
    _ = try layer.build(inputSize: 100, random: &r)
    let x = Tensor(shape: [200, 100], scalars: (0..<20_000).map { Float($0 % 7) - 3 })
    let y = try layer.forward(x, training: true)
    let noise = zip(y.scalars, x.scalars).map { Double($0 - $1) }
    let mean = noise.reduce(0, +) / Double(noise.count)
    let std = (noise.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(noise.count - 1)).squareRoot()
    // 20 000 draws: the mean's standard error is 0.0035, the deviation's 0.0025.
    #expect(abs(mean) < 0.02)
    #expect(abs(std - 0.5) < 0.015)
    let grad = try layer.backward(Tensor(shape: [200, 100], scalars: Array(repeating: 1.5, count: 20_000)), accumulate: false)
    #expect(grad.scalars.allSatisfy { $0 == 1.5 })
  }

  @Test func inferencePassesValuesThrough() throws {
    let layer = GaussianNoise(stddev: 2, name: "noise")
    var r = RandomStream(seed: 3)
    _ = try layer.build(inputSize: 3, random: &r)
    let x = Tensor(shape: [2, 3], scalars: [1, -2, 3, 0.5, 0, -1])
    #expect(try layer.forward(x, training: false).scalars == x.scalars)
    let zero = GaussianNoise(stddev: 0, name: "none")
    _ = try zero.build(inputSize: 3, random: &r)
    #expect(try zero.forward(x, training: true).scalars == x.scalars)
  }
}
