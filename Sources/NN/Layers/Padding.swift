/// How a convolution or pooling window treats the input's edges, as Keras: "valid" keeps only
/// windows wholly inside the input; "same" pads so that the output has `ceil(in / stride)`
/// positions, splitting the padding with the extra one after (bottom, right); "causal" (Conv1D
/// only) pads `dilation * (k - 1)` before the sequence and nothing after, so an output step sees
/// no later input step (also `ceil(in / stride)` positions).
public enum Padding: String, CaseIterable, Sendable {
  case valid, same, causal

  /// The paddings a pooling window or a 2-D convolution takes.
  static let windowed = [Padding.valid, .same].map(\.rawValue)
}
