import Catalog
import Foundation
import Testing
@testable import NN
import Tensors

/// Initializers with parameters, by their statistics over large draws.
@Suite struct InitializerTests {
  func stats(_ t: Tensor) -> (mean: Double, std: Double, min: Float, max: Float) {
    let v = t.scalars.map(Double.init)
    let mean = v.reduce(0, +) / Double(v.count)
    let std = (v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count)).squareRoot()
    return (mean, std, t.scalars.min()!, t.scalars.max()!)
  }

  func draw(_ i: Initializer, _ shape: [Int] = [400, 500], fanIn: Int = 400, fanOut: Int = 500) -> Tensor {
    var r = RandomStream(seed: 11)
    return i.make(shape, fanIn: fanIn, fanOut: fanOut, random: &r)
  }

  @Test func truncatedNormalCutsAtTwoStddevs() throws {
    let i = try Initializer.parse(.table([("name", .string("truncated_normal")), ("stddev", .number(0.02)), ("mean", .number(0.5))]), "k")
    let s = stats(draw(i))
    #expect(s.min >= Float(0.5 - 0.04) && s.max <= Float(0.5 + 0.04))
    #expect(s.min < Float(0.5 - 0.039) && s.max > Float(0.5 + 0.039), "the cut is at 2 stddev, not inside it")
    #expect(abs(s.mean - 0.5) <= 1e-4)
    #expect(abs(s.std - 0.02 * 0.879_625_661) <= 0.02 * 0.01)
  }

  @Test func normalUniformAndConstant() throws {
    let n = stats(draw(try Initializer.parse(.table([("name", .string("random_normal")), ("mean", .number(1)), ("stddev", .number(0.3))]), "k")))
    #expect(abs(n.mean - 1) <= 0.003 && abs(n.std - 0.3) <= 0.003)
    let u = stats(draw(try Initializer.parse(.table([("name", .string("random_uniform")), ("minval", .number(-2)), ("maxval", .number(4))]), "k")))
    #expect(u.min >= -2 && u.max <= 4 && abs(u.mean - 1) <= 0.01 && abs(u.std - 6 / 12.0.squareRoot()) <= 0.01)
    let c = draw(try Initializer.parse(.table([("name", .string("constant")), ("value", .number(0.25))]), "k"), [3, 2])
    #expect(c.scalars == [Float](repeating: 0.25, count: 6))
    // the plain names keep Keras's defaults
    let d = stats(draw(.random_normal))
    #expect(abs(d.std - 0.05) <= 0.0005)
  }

  @Test func varianceScalingModesAndDistributions() throws {
    func spec(_ mode: String, _ dist: String) throws -> Initializer {
      try Initializer.parse(.table([("name", .string("variance_scaling")), ("scale", .number(2)), ("mode", .string(mode)), ("distribution", .string(dist))]), "k")
    }
    let u = stats(draw(try spec("fan_out", "uniform")))
    #expect(abs(u.std - (2.0 / 500).squareRoot()) <= 0.01 * (2.0 / 500).squareRoot())
    #expect(Double(u.max) <= (3 * 2.0 / 500).squareRoot())
    let t = stats(draw(try spec("fan_avg", "truncated_normal")))
    #expect(abs(t.std - (2.0 / 450).squareRoot()) <= 0.01 * (2.0 / 450).squareRoot())
    let n = stats(draw(try spec("fan_in", "untruncated_normal")))
    #expect(abs(n.std - (2.0 / 400).squareRoot()) <= 0.01 * (2.0 / 400).squareRoot())
    // he_uniform is variance_scaling(2, fan_in, uniform), drawn the same way
    #expect(draw(.he_uniform).scalars == draw(try spec("fan_in", "uniform")).scalars)
  }

  @Test(arguments: [[8, 5], [5, 8], [2, 3, 4]])
  func orthogonalHasOrthonormalRowsOrColumns(_ shape: [Int]) throws {
    let gain = 1.5
    let w = draw(try Initializer.parse(.table([("name", .string("orthogonal")), ("gain", .number(gain))]), "k"), shape)
    let cols = shape.last!, rows = w.count / cols
    // the smaller side is orthonormal (times gain)
    let (outer, inner) = rows >= cols ? (cols, rows) : (rows, cols)
    func at(_ k: Int, _ i: Int) -> Double { Double(rows >= cols ? w.scalars[i * cols + k] : w.scalars[k * cols + i]) }
    for a in 0..<outer {
      for b in 0..<outer {
        let dot = (0..<inner).reduce(0.0) { $0 + at(a, $1) * at(b, $1) }
        #expect(abs(dot - (a == b ? gain * gain : 0)) <= 1e-5, "\(shape) \(a),\(b): \(dot)")
      }
    }
  }

  @Test func tablesAreCheckedWithClearErrors() {
    func message(_ v: Value) -> String {
      do { _ = try Initializer.parse(v, "kernel_initializer"); return "" } catch { return "\(error)" }
    }
    #expect(message(.table([("name", .string("truncated_normal")), ("seed", .integer(3))])).contains("seeded random stream"))
    #expect(message(.table([("name", .string("zeros")), ("value", .number(1))])).contains("zeros takes no parameters"))
    #expect(message(.table([("stddev", .number(1))])).contains("needs a field 'name'"))
    #expect(message(.table([("name", .string("random_uniform")), ("minval", .number(1)), ("maxval", .number(0))])).contains("above maxval"))
    #expect(message(.string("glorot")).contains("kernel_initializer"))
  }

  /// A parameterised initializer is kept in the layer's config and read back the same.
  @Test func configRoundTrips() throws {
    let i = try Initializer.parse(.table([("name", .string("truncated_normal")), ("stddev", .number(0.02))]), "k")
    let d = Dense(units: 3, kernelInitializer: i)
    let saved = try #require(d.config["kernel_initializer"] as? [String: Any])
    #expect(saved["name"] as? String == "truncated_normal" && saved["stddev"] as? Double == 0.02)
    #expect(try Initializer.parse(ModelFile.record(saved, "k"), "k") == i)
    #expect(Dense(units: 3).config["kernel_initializer"] as? String == "glorot_uniform")
  }
}
