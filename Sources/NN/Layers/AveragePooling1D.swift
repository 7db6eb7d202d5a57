import Tensors

/// The mean of the values (padding not counted) in each `pool_size` window of
/// a sequence `[steps, channels]`, each channel on its own; strides default to the pool size;
/// "valid" or "same" padding as Keras.
public final class AveragePooling1D: Pooling {
  public override class var kind: String { "AveragePooling1D" }

  public convenience init(poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid, name: String = "") throws {
    self.init(core: try PoolingCore.checked("AveragePooling1D", mode: .average, poolSize: (1, poolSize), strides: strides.map { (1, $0) }, padding: padding),
              spatialRank: 1, name: name)
  }
}
