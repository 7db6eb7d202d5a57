import Foundation
import Tensors

/// How a weight starts, by the names and parameters Keras 3 uses: a plain name
/// (`"glorot_uniform"`) or a name with parameters (`{ name = "truncated_normal", stddev = 0.02 }`).
///
/// - `random_normal {mean = 0, stddev = 0.05}`, `random_uniform {minval = -0.05, maxval = 0.05}`.
/// - `truncated_normal {mean = 0, stddev = 0.05}`: normal values redrawn until within two
///   standard deviations of the mean (so the spread is 0.8796 stddev, as Keras's).
/// - `constant {value = 0}`, `zeros`, `ones`.
/// - `variance_scaling {scale = 1, mode = "fan_in", distribution = "truncated_normal"}`: n the
///   fan in, fan out or their mean (mode `fan_avg`); `truncated_normal` draws with standard
///   deviation sqrt(scale / n) / 0.8796 truncated at two of them, `untruncated_normal` with
///   sqrt(scale / n), `uniform` within ±sqrt(3 scale / n). The glorot (scale 1, fan_avg), he
///   (2, fan_in) and lecun (1, fan_in) names are its uniform and truncated-normal forms.
/// - `orthogonal {gain = 1}`: the Q of the QR decomposition of a normal matrix (the rows before
///   the last axis by the last), signs fixed so R's diagonal is positive, times gain; transposed
///   when it has fewer rows than columns.
public struct Initializer: Sendable, Equatable {
  public enum Kind: String, CaseIterable, Sendable {
    case glorot_uniform, glorot_normal, he_uniform, he_normal, lecun_uniform, lecun_normal
    case random_normal, random_uniform, truncated_normal, zeros, ones, constant, variance_scaling, orthogonal
  }
  public enum Mode: String, CaseIterable, Sendable { case fan_in, fan_out, fan_avg }
  public enum Distribution: String, CaseIterable, Sendable { case truncated_normal, untruncated_normal, uniform }

  public let kind: Kind
  /// The numeric parameters given (mean, stddev, minval, maxval, value, scale, gain).
  public let numbers: [String: Double]
  public let mode: Mode?
  public let distribution: Distribution?

  public init(_ kind: Kind, _ numbers: [String: Double] = [:], mode: Mode? = nil, distribution: Distribution? = nil) {
    self.kind = kind
    self.numbers = numbers
    self.mode = mode
    self.distribution = distribution
  }

  public static let glorot_uniform = Initializer(.glorot_uniform)
  public static let glorot_normal = Initializer(.glorot_normal)
  public static let he_uniform = Initializer(.he_uniform)
  public static let he_normal = Initializer(.he_normal)
  public static let lecun_uniform = Initializer(.lecun_uniform)
  public static let lecun_normal = Initializer(.lecun_normal)
  public static let random_normal = Initializer(.random_normal)
  public static let random_uniform = Initializer(.random_uniform)
  public static let truncated_normal = Initializer(.truncated_normal)
  public static let zeros = Initializer(.zeros)
  public static let ones = Initializer(.ones)
  public static let orthogonal = Initializer(.orthogonal)

  /// The parameters each kind takes, with Keras's defaults.
  public static func defaults(_ kind: Kind) -> [String: Double] {
    switch kind {
    case .random_normal, .truncated_normal: return ["mean": 0, "stddev": 0.05]
    case .random_uniform: return ["minval": -0.05, "maxval": 0.05]
    case .constant: return ["value": 0]
    case .variance_scaling: return ["scale": 1]
    case .orthogonal: return ["gain": 1]
    default: return [:]
    }
  }

  /// The kind's name (what a plain initializer is written as).
  public var rawValue: String { kind.rawValue }

  func number(_ key: String) -> Double { numbers[key] ?? Self.defaults(kind)[key] ?? 0 }

  /// As a model file stores it: the name alone, or the name with its parameters.
  public var configValue: Any {
    if numbers.isEmpty && mode == nil && distribution == nil { return kind.rawValue }
    var c: [String: Any] = ["name": kind.rawValue]
    for (k, v) in numbers { c[k] = v }
    if let mode { c["mode"] = mode.rawValue }
    if let distribution { c["distribution"] = distribution.rawValue }
    return c
  }

  /// A tensor of `shape` drawn from this initializer; fanIn and fanOut as Keras counts them.
  public func make(_ shape: [Int], fanIn: Int, fanOut: Int, random: inout RandomStream) -> Tensor {
    switch kind {
    case .zeros: return .zeros(shape)
    case .ones: return .ones(shape)
    case .constant: return Tensor(shape: shape, scalars: [Float](repeating: Float(number("value")), count: shape.reduce(1, *)))
    case .random_normal:
      return .randomNormal(shape, mean: Float(number("mean")), std: Float(number("stddev")), stream: &random)
    case .random_uniform:
      return .randomUniform(shape, low: Float(number("minval")), high: Float(number("maxval")), stream: &random)
    case .truncated_normal:
      return Self.truncatedNormal(shape, mean: number("mean"), std: number("stddev"), &random)
    case .glorot_uniform: return Self.scaled(shape, 1, .fan_avg, .uniform, fanIn, fanOut, &random)
    case .glorot_normal: return Self.scaled(shape, 1, .fan_avg, .truncated_normal, fanIn, fanOut, &random)
    case .he_uniform: return Self.scaled(shape, 2, .fan_in, .uniform, fanIn, fanOut, &random)
    case .he_normal: return Self.scaled(shape, 2, .fan_in, .truncated_normal, fanIn, fanOut, &random)
    case .lecun_uniform: return Self.scaled(shape, 1, .fan_in, .uniform, fanIn, fanOut, &random)
    case .lecun_normal: return Self.scaled(shape, 1, .fan_in, .truncated_normal, fanIn, fanOut, &random)
    case .variance_scaling:
      return Self.scaled(shape, number("scale"), mode ?? .fan_in, distribution ?? .truncated_normal, fanIn, fanOut, &random)
    case .orthogonal: return Self.orthogonal(shape, gain: number("gain"), &random)
    }
  }

  /// Keras's VarianceScaling.
  static func scaled(_ shape: [Int], _ scale: Double, _ mode: Mode, _ distribution: Distribution,
                     _ fanIn: Int, _ fanOut: Int, _ r: inout RandomStream) -> Tensor {
    let fi = Double(max(fanIn, 1)), fo = Double(max(fanOut, 1))
    let n: Double
    switch mode {
    case .fan_in: n = fi
    case .fan_out: n = fo
    case .fan_avg: n = (fi + fo) / 2
    }
    let variance = scale / n
    switch distribution {
    case .uniform:
      let limit = Float(((3 * scale) / n).squareRoot())
      return .randomUniform(shape, low: -limit, high: limit, stream: &r)
    case .untruncated_normal:
      return .randomNormal(shape, std: Float(variance.squareRoot()), stream: &r)
    case .truncated_normal:
      // The spread of a standard normal cut at ±2 is 0.8796: the scale is corrected for it.
      return truncatedNormal(shape, mean: 0, std: variance.squareRoot() / 0.879_625_661_034_239_78, &r)
    }
  }

  /// Normal values redrawn until within two standard deviations of the mean.
  static func truncatedNormal(_ shape: [Int], mean: Double, std: Double, _ r: inout RandomStream) -> Tensor {
    let s = Float(std), m = Float(mean)
    var t = Tensor(uninitializedShape: shape)
    t.withUnsafeMutableBufferPointer { p in
      for i in 0..<p.count {
        var z = r.normal()
        while abs(z) > 2 { z = r.normal() }
        p[i] = m + z * s
      }
    }
    return t
  }

  /// Keras's Orthogonal: a normal matrix of max(rows, cols) x min(rows, cols), its QR's Q with
  /// R's diagonal made positive (Gram-Schmidt, twice, in Double gives that Q directly).
  static func orthogonal(_ shape: [Int], gain: Double, _ r: inout RandomStream) -> Tensor {
    let cols = shape.last ?? 1, rows = max(1, shape.dropLast().reduce(1, *))
    let m = max(rows, cols), n = min(rows, cols)
    // Column-major m x n.
    var a = (0..<(m * n)).map { _ in Double(r.normal()) }
    for j in 0..<n {
      for _ in 0..<2 {
        for k in 0..<j {
          var dot = 0.0
          for i in 0..<m { dot += a[k * m + i] * a[j * m + i] }
          for i in 0..<m { a[j * m + i] -= dot * a[k * m + i] }
        }
      }
      var norm = 0.0
      for i in 0..<m { norm += a[j * m + i] * a[j * m + i] }
      norm = norm.squareRoot()
      for i in 0..<m { a[j * m + i] = norm > 0 ? a[j * m + i] / norm : 0 }
    }
    // Q is m x n; the weight is rows x cols: Q itself when rows >= cols, else its transpose.
    var out = [Float](repeating: 0, count: rows * cols)
    for i in 0..<rows {
      for j in 0..<cols {
        let q = rows >= cols ? a[j * m + i] : a[i * m + j]
        out[i * cols + j] = Float(gain * q)
      }
    }
    return Tensor(shape: shape, scalars: out)
  }
}
