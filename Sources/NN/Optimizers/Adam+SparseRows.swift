import Foundation

extension Adam {
  /// The lazy update of a sparse gradient, PyTorch's SparseAdam rule on the touched rows:
  /// `m += (1−β₁)(g − m)`, `v += (1−β₂)(g² − v)`, `p −= lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)`,
  /// with `t` the optimizer's step count. Untouched rows keep their values and moments. Weight
  /// decay (which SparseAdam lacks) applies to the touched rows only: added to the gradient,
  /// or for AdamW shrinking the row before the update.
  func sparseUpdate(value: UnsafeMutablePointer<Float>, grad: UnsafeMutablePointer<Float>,
                    m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
                    rows: UnsafeBufferPointer<Int32>, width: Int, step: Int) {
    let w1 = Float(1 - beta1), w2 = Float(1 - beta2), eps = Float(epsilon)
    let stepSize = Float(learningRate * (1 - pow(beta2, Double(step))).squareRoot() / (1 - pow(beta1, Double(step))))
    let decay = Float(1 - learningRate * weightDecay), l2 = decoupled ? Float(0) : Float(weightDecay)
    let decays = weightDecay != 0
    for r in rows {
      let o = Int(r) * width
      let p = value + o, g = grad + o, mm = m + o, vv = v + o
      for i in 0..<width {
        var gi = g[i]
        if decays { if decoupled { p[i] *= decay } else { gi += l2 * p[i] } }
        let mOld = mm[i], vOld = vv[i]
        let dm = (gi - mOld) * w1
        let dv = (gi * gi - vOld) * w2
        mm[i] = mOld + dm
        vv[i] = vOld + dv
        let numer = dm + mOld
        let denom = (dv + vOld).squareRoot() + eps
        p[i] += -stepSize * (numer / denom)
      }
    }
  }
}
