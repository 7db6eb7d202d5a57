/// A layer that can be told its input size when it is made (`nn.Dense(8, {input_dim = 4})`).
/// As a model's first layer it gives the model its input size; anywhere, an input of another
/// size is an error when the layer is built.
public protocol InputSizeDeclaring: Layer {
  /// The input features it was declared with, if any.
  var declaredInputSize: Int? { get }
}

extension Dense: InputSizeDeclaring {}
