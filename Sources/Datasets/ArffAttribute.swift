/// One `@attribute` of an ARFF header.
public struct ArffAttribute {
  public enum Kind: Equatable {
    case numeric
    /// The declared values, in order; a value's index is its position here.
    case nominal([String])
  }

  public let name: String
  public let kind: Kind
  /// The header line that declared it.
  public let line: Int

  private let valueBytes: [[UInt8]]
  private let valueIndex: [String: Int]

  public init(name: String, kind: Kind, line: Int) {
    self.name = name
    self.kind = kind
    self.line = line
    if case .nominal(let values) = kind {
      valueBytes = values.map { Array($0.utf8) }
      var index: [String: Int] = [:]
      for (k, v) in values.enumerated() where index[v] == nil { index[v] = k }
      valueIndex = index
    } else {
      valueBytes = []
      valueIndex = [:]
    }
  }

  public var nominalValues: [String] {
    if case .nominal(let v) = kind { return v }
    return []
  }

  /// The position of a nominal value given as bytes, or nil when it is not declared.
  @inline(__always)
  func nominalIndex(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int? {
    if valueBytes.count <= 16 {
      for (k, v) in valueBytes.enumerated() where v.count == count {
        var same = true
        for i in 0..<count where v[i] != start[i] { same = false; break }
        if same { return k }
      }
      return nil
    }
    return valueIndex[String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)]
  }
}
