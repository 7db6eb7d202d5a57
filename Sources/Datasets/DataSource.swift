/// What a data specification names, as `data.load` reads it: the generated multilabel set,
/// the shipped digits, a data file (by its extension, `FileLoader.extensions`), or else a
/// MULAN data set under `CRESCENT_DATA`.
public enum DataSource: Equatable, Sendable {
  case synthetic
  case digits
  case file(String)
  case mulan(String)

  public init(_ spec: String) {
    if spec == "synthetic" {
      self = .synthetic
    } else if spec == "digits" {
      self = .digits
    } else if FileLoader.isDataPath(spec) {
      self = .file(spec)
    } else {
      self = .mulan(spec)
    }
  }

  /// How errors name it: `"digits"`, `the file "d.csv"`, `the MULAN data set "yeast"`.
  var described: String {
    switch self {
    case .synthetic: return "\"synthetic\""
    case .digits: return "\"digits\""
    case .file(let p): return "the file \(quoted(p))"
    case .mulan(let n): return "the MULAN data set \(quoted(n))"
    }
  }
}
