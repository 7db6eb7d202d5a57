/// How a convolution or pooling window treats the input's edges, as Keras: "valid" keeps only
/// windows wholly inside the input; "same" pads so that the output has `ceil(in / stride)`
/// positions, splitting the padding with the extra one after (bottom, right).
public enum Padding: String, CaseIterable, Sendable {
  case valid, same
}
