import Tensors

/// A host-neutral value crossing between a scripting host and the core libraries.
public indirect enum Value {
  case none
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case list([Value])
  case table([(key: String, value: Value)])
  case tensor(Tensor)
}
