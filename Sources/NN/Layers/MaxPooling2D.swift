import Tensors

/// The largest value in each `pool_size` window of
/// an image `[height, width, channels]`, each channel on its own; strides default to the pool size;
/// "valid" or "same" padding as Keras.
public final class MaxPooling2D: Pooling {
  public override class var kind: String { "MaxPooling2D" }

  public convenience init(poolSize: (Int, Int) = (2, 2), strides: (Int, Int)? = nil, padding: Padding = .valid, name: String = "") throws {
    self.init(core: try PoolingCore.checked("MaxPooling2D", mode: .max, poolSize: poolSize, strides: strides, padding: padding),
              spatialRank: 2, name: name)
  }
}
