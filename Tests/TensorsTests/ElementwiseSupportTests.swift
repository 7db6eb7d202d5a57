// Shared helpers of the elementwise tests (scalar twins, inputs, comparisons); no tests here.
import CKernels
import Foundation
import TestSupport
@testable import Tensors

/// Extreme inputs spliced into test vectors.
let ewExtremes: [Float] = [30, -30, 100, -100, 0, -0.0, 1e-30, -1e-30, 1e-6, -1e-6, 20, -20, 88, -88, 5, -5]

/// n values in [lo, hi] with the extremes written over the first positions (as far as they fit).
func ewInputs(_ n: Int, seed: UInt64, _ lo: Float = -8, _ hi: Float = 8, extremes: [Float] = ewExtremes) -> [Float] {
  var r = TestSupport.SplitMix64(seed: seed)
  var v = r.floats(n, lo, hi)
  for (i, e) in extremes.enumerated() where i * 3 < n { v[i * 3] = e }
  return v
}

/// |got - want| <= rtol |want| + atol, with infinities and NaN compared exactly, and never a
/// non-finite result where the true value (as a float) is finite.
func ewClose(_ got: Float, _ want: Double, rtol: Double, atol: Double) -> Bool {
  let wf = Float(want)
  if want.isNaN { return got.isNaN }
  if !wf.isFinite { return got == wf }
  if !got.isFinite { return false }
  return abs(Double(got) - want) <= rtol * abs(want) + atol
}

/// Checks every element; returns a description of the first few failures.
func ewCompare(_ got: [Float], _ want: [Double], rtol: Double, atol: Double, inputs: [Float]? = nil) -> [String] {
  var bad: [String] = []
  for i in 0..<got.count where !ewClose(got[i], want[i], rtol: rtol, atol: atol) {
    let x = inputs.map { " x=\($0[i])" } ?? ""
    bad.append("[\(i)]\(x) got \(got[i]) want \(want[i])")
    if bad.count >= 5 { break }
  }
  return bad
}

// MARK: Scalar twins (Double, libm)

func twinSigmoid(_ x: Double) -> Double { x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x)) }
func twinPhi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
func twinSoftplus(_ x: Double) -> Double { x > 20 ? x : Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x))) }

let twinSeluAlpha = 1.6732632423543772848170429916717
let twinSeluScale = 1.0507009873554804934193349852946

func twinActivation(_ act: Activation, _ x: Double, alpha a: Double) -> Double {
  switch act {
  case .linear: return x
  case .relu: return Swift.max(x, 0)
  case .leaky_relu: return x > 0 ? x : a * x
  case .elu: return x > 0 ? x : a * Foundation.expm1(x)
  case .gelu: return x * twinPhi(x)
  case .sigmoid: return twinSigmoid(x)
  case .tanh: return Foundation.tanh(x)
  case .softplus: return twinSoftplus(x)
  case .silu: return x * twinSigmoid(x)
  case .selu: return twinSeluScale * (x > 0 ? x : twinSeluAlpha * Foundation.expm1(x))
  case .mish: return x * Foundation.tanh(twinSoftplus(x))
  case .hard_sigmoid: return Swift.min(Swift.max(x + 3, 0), 6) / 6
  case .relu6: return Swift.min(Swift.max(x, 0), 6)
  case .exponential: return Foundation.exp(x)
  case .softmax: fatalError("row-wise")
  }
}

func twinDerivative(_ act: Activation, _ x: Double, alpha a: Double) -> Double {
  switch act {
  case .linear: return 1
  case .relu: return x > 0 ? 1 : 0
  case .leaky_relu: return x > 0 ? 1 : a
  case .elu: return x > 0 ? 1 : a * Foundation.exp(x)
  case .gelu: return twinPhi(x) + x * Foundation.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
  case .sigmoid: let s = twinSigmoid(x); return s * (1 - s)
  case .tanh: let t = Foundation.tanh(x); return 1 - t * t
  case .softplus: return twinSigmoid(x)
  case .silu: let s = twinSigmoid(x); return s + x * s * (1 - s)
  case .selu: return twinSeluScale * (x > 0 ? 1 : twinSeluAlpha * Foundation.exp(x))
  case .mish:
    let t = Foundation.tanh(Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x))))
    return t + x * twinSigmoid(x) * (1 - t * t)
  case .hard_sigmoid: return x > -3 && x < 3 ? 1.0 / 6 : 0
  case .relu6: return x > 0 && x < 6 ? 1 : 0
  case .exponential: return Foundation.exp(x)
  case .softmax: fatalError("row-wise")
  }
}

func twinSoftmaxRow(_ z: [Double]) -> [Double] {
  let m = z.max()!
  let e = z.map { Foundation.exp($0 - m) }
  let s = e.reduce(0, +)
  return e.map { $0 / s }
}

/// Element loss of BCE with logits in Double.
func twinBCE(_ z: Double, _ t: Double, _ p: Double) -> Double {
  (1 - t) * twinSoftplus(z) + p * t * twinSoftplus(-z)
}

/// n uniform floats in [lo, hi) from a seed.
func ewFloats(_ seed: UInt64, _ n: Int, _ lo: Float, _ hi: Float) -> [Float] {
  var r = TestSupport.SplitMix64(seed: seed)
  return r.floats(n, lo, hi)
}
