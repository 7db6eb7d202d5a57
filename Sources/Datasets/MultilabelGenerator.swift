import Foundation
import Tensors

/// Random multilabel data from the generative model of scikit-learn's
/// `make_multilabel_classification`: class priors p(c) and per-class word distributions
/// p(w|c) drawn uniformly and normalised; each example draws its label count from
/// Poisson(nLabels) (redrawn while above nClasses, or zero when unlabelled examples are not
/// allowed), its labels from p(c) without repetition, its length from Poisson(length)
/// (redrawn while zero), and each word from the mixture of its labels' p(w|c) (uniform over
/// features when it has no labels). Features are word counts.
public struct MultilabelGenerator {
  public var samples = 100
  public var features = 20
  public var classes = 5
  public var labels = 2
  public var length = 50
  public var allowUnlabeled = true

  public init(samples: Int = 100, features: Int = 20, classes: Int = 5, labels: Int = 2, length: Int = 50,
              allowUnlabeled: Bool = true) {
    self.samples = samples
    self.features = features
    self.classes = classes
    self.labels = labels
    self.length = length
    self.allowUnlabeled = allowUnlabeled
  }

  public func generate(stream: inout RandomStream) throws -> Dataset {
    guard samples > 0, features > 0, classes > 0 else { throw DataError("n_samples, n_features and n_classes must be positive") }
    guard labels >= 0, length >= 1 else { throw DataError("n_labels must be >= 0 and length >= 1") }
    guard allowUnlabeled || labels > 0 else { throw DataError("n_labels = 0 with allow_unlabeled = false can never draw a label") }
    // Each example redraws its label count until it fits: refuse settings where that would take
    // more than a million draws per example on average (a run that would never end).
    let kept = MultilabelGenerator.keptDraws(labels: labels, classes: classes, allowUnlabeled: allowUnlabeled)
    guard kept >= 1e-6 else {
      throw DataError("n_labels = \(labels) with n_classes = \(classes): a label count of at most \(classes) comes from Poisson(\(labels)) with probability \(kept); n_labels must be well below n_classes")
    }
    guard Tensor.elementCount([samples, features]) != nil, Tensor.elementCount([samples, classes]) != nil,
          Tensor.elementCount([classes, features]) != nil else {
      throw DataError("n_samples = \(samples), n_features = \(features) and n_classes = \(classes) are too large for a tensor (at most \(Tensor.maxElements) values)")
    }
    var pc = (0..<classes).map { _ in stream.uniformDouble() }
    let sc = pc.reduce(0, +)
    var cumulative: [Double] = []
    var acc = 0.0
    for k in 0..<classes { pc[k] /= sc; acc += pc[k]; cumulative.append(acc) }
    // p(w|c), stored by class: pwc[c * features + w]
    // p(w|c) in doubles (two floats' worth each), then x and y.
    try MemoryBudget.reserve(shapes: [[features, classes, 2], [samples, features], [samples, classes]], for: "the generated data")
    var pwc = (0..<(features * classes)).map { _ in stream.uniformDouble() }
    for c in 0..<classes {
      let s = (0..<features).reduce(0.0) { $0 + pwc[c * features + $1] }
      for w in 0..<features { pwc[c * features + w] /= s }
    }
    func search(_ cum: [Double], _ u: Double) -> Int {
      var lo = 0, hi = cum.count - 1
      while lo < hi { let mid = (lo + hi) / 2; if cum[mid] < u { lo = mid + 1 } else { hi = mid } }
      return lo
    }
    var x = Tensor(shape: [samples, features]), y = Tensor(shape: [samples, classes])
    var wordCum = [Double](repeating: 0, count: features)
    var work = 0  // draws since the deadline was last checked
    for i in 0..<samples {
      if work >= 1 << 16 { work = 0; try RunDeadline.check() }
      var size = classes + 1
      while (!allowUnlabeled && size == 0) || size > classes { size = stream.poisson(Double(labels)) }
      var chosen = Set<Int>()
      while chosen.count < size { chosen.insert(min(search(cumulative, stream.uniformDouble()), classes - 1)) }
      var words = 0
      while words == 0 { words = stream.poisson(Double(length)) }
      let set = chosen.sorted()
      work += words + features
      if set.isEmpty {
        for _ in 0..<words { x[i, stream.integer(below: features)] += 1 }
      } else {
        var a = 0.0
        for w in 0..<features {
          for c in set { a += pwc[c * features + w] }
          wordCum[w] = a
        }
        for w in 0..<features { wordCum[w] /= a }
        for _ in 0..<words { x[i, min(search(wordCum, stream.uniformDouble()), features - 1)] += 1 }
      }
      for c in set { y[i, c] = 1 }
    }
    return try Dataset(x: x, y: y, name: "synthetic")
  }

  /// The chance that one draw of an example's label count from Poisson(labels) is kept: at most
  /// `classes`, and not zero unless unlabelled examples are allowed.
  static func keptDraws(labels: Int, classes: Int, allowUnlabeled: Bool) -> Double {
    guard labels > 0 else { return allowUnlabeled ? 1 : 0 }
    let lambda = Double(labels), c = Double(classes)
    let none = allowUnlabeled ? 0 : exp(-lambda)
    if c >= lambda + 10 * lambda.squareRoot() + 20 { return 1 - none }
    if classes > 100_000 {
      // The normal approximation of the Poisson distribution, with continuity correction.
      return max(0, 0.5 * erfc(-(c + 0.5 - lambda) / (2 * lambda).squareRoot()) - none)
    }
    var p = 0.0
    for k in 0...classes { p += exp(-lambda + Double(k) * log(lambda) - lgamma(Double(k + 1))) }
    return max(0, p - none)
  }
}
