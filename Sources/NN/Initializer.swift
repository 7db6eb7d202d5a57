import Foundation
import Tensors

/// How a weight matrix starts, by the names Keras uses.
public enum Initializer: String, CaseIterable, Sendable {
  case glorot_uniform, glorot_normal, he_uniform, he_normal, lecun_uniform, lecun_normal
  case random_normal, random_uniform, zeros, ones

  /// A fan_in x fan_out tensor drawn from this initialiser.
  public func make(_ shape: [Int], fanIn: Int, fanOut: Int, random: inout RandomStream) -> Tensor {
    let fi = Double(max(fanIn, 1)), fo = Double(max(fanOut, 1))
    switch self {
    case .zeros: return .zeros(shape)
    case .ones: return .ones(shape)
    case .random_normal: return .randomNormal(shape, std: 0.05, stream: &random)
    case .random_uniform: return .randomUniform(shape, low: -0.05, high: 0.05, stream: &random)
    case .glorot_uniform: return uniform(shape, limit: (6 / (fi + fo)).squareRoot(), &random)
    case .he_uniform: return uniform(shape, limit: (6 / fi).squareRoot(), &random)
    case .lecun_uniform: return uniform(shape, limit: (3 / fi).squareRoot(), &random)
    case .glorot_normal: return truncatedNormal(shape, std: (2 / (fi + fo)).squareRoot(), &random)
    case .he_normal: return truncatedNormal(shape, std: (2 / fi).squareRoot(), &random)
    case .lecun_normal: return truncatedNormal(shape, std: (1 / fi).squareRoot(), &random)
    }
  }

  private func uniform(_ shape: [Int], limit: Double, _ r: inout RandomStream) -> Tensor {
    .randomUniform(shape, low: Float(-limit), high: Float(limit), stream: &r)
  }

  /// Keras's variance-scaling normal: truncated at two standard deviations, with the scale
  /// corrected so the truncated distribution has the intended variance.
  private func truncatedNormal(_ shape: [Int], std: Double, _ r: inout RandomStream) -> Tensor {
    let s = Float(std / 0.879_625_661_034_239_78)
    var t = Tensor(uninitializedShape: shape)
    t.withUnsafeMutableBufferPointer { p in
      for i in 0..<p.count {
        var z = r.normal()
        while abs(z) > 2 { z = r.normal() }
        p[i] = z * s
      }
    }
    return t
  }
}
