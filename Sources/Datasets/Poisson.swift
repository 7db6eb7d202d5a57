import Tensors

extension RandomStream {
  /// A Poisson(lambda) count. Knuth's product of uniforms, on chunks of lambda <= 500 so
  /// exp(-lambda) stays representable (a sum of Poissons is Poisson).
  public mutating func poisson(_ lambda: Double) -> Int {
    precondition(lambda >= 0 && lambda.isFinite)  // cannot fail: callers pass n_labels >= 0 and length >= 1, checked by the generator
    var remaining = lambda, total = 0
    while remaining > 0 {
      let l = min(remaining, 500)
      remaining -= l
      let limit = exp(-l)
      var k = 0
      var p = uniformDouble()
      while p > limit { k += 1; p *= uniformDouble() }
      total += k
    }
    return total
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
