import Tensors

/// The largest value in each `pool_size` window of
/// a sequence `[steps, channels]`, each channel on its own; strides default to the pool size;
/// "valid" or "same" padding as Keras.
public final class MaxPooling1D: Pooling {
  public override class var kind: String { "MaxPooling1D" }

  public convenience init(poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid, name: String = "") throws {
    self.init(core: try PoolingCore.checked("MaxPooling1D", mode: .max, poolSize: (1, poolSize), strides: strides.map { (1, $0) }, padding: padding),
              spatialRank: 1, name: name)
  }
}
