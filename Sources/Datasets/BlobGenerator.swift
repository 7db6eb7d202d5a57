import Tensors

/// Isotropic Gaussian blobs, as scikit-learn's `make_blobs`: centres drawn uniformly in
/// `centerBox`, examples spread evenly over the centres (the first ones get one more when
/// they do not divide), each a normal draw around its centre with `clusterStd`.
public struct BlobGenerator {
  public var samples = 100
  public var features = 2
  public var centers = 3
  public var clusterStd: Float = 1
  public var centerBox: (Float, Float) = (-10, 10)

  public init(samples: Int = 100, features: Int = 2, centers: Int = 3, clusterStd: Float = 1) {
    self.samples = samples
    self.features = features
    self.centers = centers
    self.clusterStd = clusterStd
  }

  /// Class indices in `y` (n x 1), or one-hot columns.
  public func generate(stream: inout RandomStream, oneHot: Bool = false) throws -> Dataset {
    guard samples > 0, features > 0, centers > 0 else { throw DataError("n_samples, n_features and centers must be positive") }
    guard clusterStd >= 0 else { throw DataError("cluster_std must be >= 0") }
    guard Tensor.elementCount([samples, features]) != nil, Tensor.elementCount([centers, features]) != nil else {
      throw DataError("n_samples = \(samples), n_features = \(features) and centers = \(centers) are too large for a tensor (at most \(Tensor.maxElements) values)")
    }
    let c = (0..<(centers * features)).map { _ in stream.uniform(centerBox.0, centerBox.1) }
    var x = Tensor(shape: [samples, features]), y = Tensor(shape: [samples, 1])
    var counts = [Int](repeating: samples / centers, count: centers)
    for k in 0..<(samples % centers) { counts[k] += 1 }
    var i = 0
    for k in 0..<centers {
      for _ in 0..<counts[k] {
        for f in 0..<features { x[i, f] = c[k * features + f] + clusterStd * stream.normal() }
        y[i, 0] = Float(k)
        i += 1
      }
    }
    // Shuffled, as scikit-learn does by default.
    let ds = oneHot
      ? try Dataset(x: x, y: Encoding.oneHot(y, classes: centers), labelNames: (0..<centers).map(String.init), name: "blobs")
      : try Dataset(x: x, y: y, labelNames: ["class"], name: "blobs")
    return try ds.shuffled(stream: &stream)
  }
}
